package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.model.ReadingCoder;
import io.github.eec.pipeline.model.RejectCoder;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * {@code (file, line)} pairs to readings ({@link ParseReadingFn#READINGS}) and rejects ({@link
 * ParseReadingFn#REJECTS}).
 */
public class ParseReadings extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  private final String zoneId;

  public ParseReadings(String zoneId) {
    try {
      ZoneId.of(zoneId);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("unknown time zone '" + zoneId + "'", e);
    }
    this.zoneId = zoneId;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    PCollectionTuple parsed =
        lines.apply(
            "ParseReadingFn",
            ParDo.of(new ParseReadingFn(zoneId))
                .withOutputTags(ParseReadingFn.READINGS, TupleTagList.of(ParseReadingFn.REJECTS)));
    parsed.get(ParseReadingFn.READINGS).setCoder(ReadingCoder.of());
    parsed.get(ParseReadingFn.REJECTS).setCoder(RejectCoder.of());
    return parsed;
  }
}
