package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * {@code (file, line)} pairs to hourly accumulators per meter ({@link #ACCUMULATORS}: one per
 * bundle and meter-hour, or one per reading {@link #withoutPreCombining()}) and rejects ({@link
 * #REJECTS}).
 */
public class ParseReadings extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  public static final TupleTag<KV<String, HourlyAccumulator>> ACCUMULATORS =
      ParseReadingFn.ACCUMULATORS;
  public static final TupleTag<Reject> REJECTS = ParseReadingFn.REJECTS;

  private final ReadingRules rules;
  private final boolean preCombine;
  private final SerializableFunction<String, String> countedAs;
  private final ReadAhead readAhead;

  private ParseReadings(
      ReadingRules rules,
      boolean preCombine,
      SerializableFunction<String, String> countedAs,
      ReadAhead readAhead) {
    this.rules = rules;
    this.preCombine = preCombine;
    this.countedAs = countedAs;
    this.readAhead = readAhead;
  }

  /**
   * Default rules ({@link ReadingRules#defaults()}), pre-combining per bundle, lines counted per
   * file as given.
   */
  public static ParseReadings create() {
    return new ParseReadings(ReadingRules.defaults(), true, file -> file, ReadAhead.unbounded());
  }

  public ParseReadings withRules(ReadingRules rules) {
    if (rules == null) {
      throw new IllegalArgumentException("ParseReadings needs reading rules, got null");
    }
    return new ParseReadings(rules, preCombine, countedAs, readAhead);
  }

  /** One accumulator per reading, not per bundle and meter-hour: what dropping duplicates needs. */
  public ParseReadings withoutPreCombining() {
    return new ParseReadings(rules, false, countedAs, readAhead);
  }

  /**
   * The source a line's origin counts under in the per-file counters (a counter each): a stream
   * whose origins are records ({@code topic-partition@offset}) counts per partition, not per
   * record. Rejects keep the whole origin.
   */
  public ParseReadings withCountsPer(SerializableFunction<String, String> countedAs) {
    if (countedAs == null) {
      throw new IllegalArgumentException("ParseReadings needs a function for its counts, got null");
    }
    return new ParseReadings(rules, preCombine, countedAs, readAhead);
  }

  /**
   * Counts the lines it has parsed off {@code readAhead}, the bound the read step was given ({@link
   * ReadLinesWithFileName#withReadAhead}), once per bundle.
   */
  public ParseReadings releasing(ReadAhead readAhead) {
    if (readAhead == null) {
      throw new IllegalArgumentException("ParseReadings needs a read-ahead, got null");
    }
    return new ParseReadings(rules, preCombine, countedAs, readAhead);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    if (!(lines.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException(
          "ParseReadings expects lines in the global window, as read from files");
    }
    return lines.apply(
        "ParseReadingFn",
        ParDo.of(new ParseReadingFn(rules, preCombine, countedAs, readAhead))
            .withOutputTags(ACCUMULATORS, TupleTagList.of(REJECTS)));
  }
}
