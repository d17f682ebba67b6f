package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.aggregate.HourlyAccumulatorCoder;
import io.github.eec.pipeline.model.RejectCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * {@code (file, line)} pairs to hourly partial accumulators per meter ({@link
 * ParseReadingFn#PARTIALS}) and rejects ({@link ParseReadingFn#REJECTS}).
 */
public class ParseReadings extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  private final ReadingRules rules;
  private final boolean preCombine;

  public ParseReadings(ReadingRules rules, boolean preCombine) {
    this.rules = rules;
    this.preCombine = preCombine;
  }

  /** Default rules with local times in {@code zoneId}, pre-combining per bundle. */
  public ParseReadings(String zoneId) {
    this(ReadingRules.defaults(zoneId), true);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    if (!(lines.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException("ParseReadings expects lines in the global window, as read from files");
    }
    PCollectionTuple parsed =
        lines.apply(
            "ParseReadingFn",
            ParDo.of(new ParseReadingFn(rules, preCombine))
                .withOutputTags(ParseReadingFn.PARTIALS, TupleTagList.of(ParseReadingFn.REJECTS)));
    parsed.get(ParseReadingFn.PARTIALS).setCoder(KvCoder.of(StringUtf8Coder.of(), HourlyAccumulatorCoder.of()));
    parsed.get(ParseReadingFn.REJECTS).setCoder(RejectCoder.of());
    return parsed;
  }
}
