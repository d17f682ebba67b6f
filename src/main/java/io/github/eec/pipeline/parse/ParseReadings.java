package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.model.ReadingCoder;
import io.github.eec.pipeline.model.RejectCoder;
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
  private final ReadingRules rules;

  public ParseReadings(ReadingRules rules) {
    this.rules = rules;
  }

  /** Default rules with local times in {@code zoneId}. */
  public ParseReadings(String zoneId) {
    this(ReadingRules.defaults(zoneId));
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    PCollectionTuple parsed =
        lines.apply(
            "ParseReadingFn",
            ParDo.of(new ParseReadingFn(rules))
                .withOutputTags(ParseReadingFn.READINGS, TupleTagList.of(ParseReadingFn.REJECTS)));
    parsed.get(ParseReadingFn.READINGS).setCoder(ReadingCoder.of());
    parsed.get(ParseReadingFn.REJECTS).setCoder(RejectCoder.of());
    return parsed;
  }
}
