package io.github.eec.pipeline;

import io.github.eec.pipeline.aggregate.HourlyAccumulatorCombineFn;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.parse.DropDuplicateReadings;
import io.github.eec.pipeline.parse.ParseReadings;
import io.github.eec.pipeline.parse.ReadAhead;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The heart of the job: {@code (file, line)} pairs to one accumulator per meter and UTC hour, in
 * hourly windows ({@link #ACCUMULATORS}), and the rejected lines ({@link #REJECTS}). What comes
 * after it, interpolating the energy (a plain run) or merging into the table, needs only these.
 */
public final class CombineHourly
    extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  public static final TupleTag<KV<String, HourlyAccumulator>> ACCUMULATORS =
      new TupleTag<KV<String, HourlyAccumulator>>() {};
  public static final TupleTag<Reject> REJECTS = ParseReadings.REJECTS;

  private final ReadingRules rules;
  private final boolean dedupe;
  private final Window<KV<String, HourlyAccumulator>> windows;
  private final SerializableFunction<String, String> countedAs;
  private final ReadAhead readAhead;

  private CombineHourly(
      ReadingRules rules,
      boolean dedupe,
      Window<KV<String, HourlyAccumulator>> windows,
      SerializableFunction<String, String> countedAs,
      ReadAhead readAhead) {
    this.rules = rules;
    this.dedupe = dedupe;
    this.windows = windows;
    this.countedAs = countedAs;
    this.readAhead = readAhead;
  }

  /** Default rules, every reading counted, the hourly windows' default trigger. */
  public static CombineHourly create() {
    return new CombineHourly(
        ReadingRules.defaults(), false, hourlyWindows(), file -> file, ReadAhead.unbounded());
  }

  /** The hourly windows of the combine; a stream adds its trigger and lateness to them. */
  public static Window<KV<String, HourlyAccumulator>> hourlyWindows() {
    return Window.into(FixedWindows.of(Duration.millis(Hours.HOUR_MILLIS)));
  }

  public CombineHourly withRules(ReadingRules rules) {
    return new CombineHourly(rules, dedupe, windows, countedAs, readAhead);
  }

  /** Whether a meter and time counts once however many lines have it ({@code --dedupe}). */
  public CombineHourly withDedupe(boolean dedupe) {
    return new CombineHourly(rules, dedupe, windows, countedAs, readAhead);
  }

  /**
   * The hourly windows with a trigger (the streaming job's early and late panes): {@code windows}
   * must be {@link #hourlyWindows()} with triggering options added.
   */
  public CombineHourly withWindows(Window<KV<String, HourlyAccumulator>> windows) {
    if (windows == null
        || !FixedWindows.of(Duration.millis(Hours.HOUR_MILLIS)).equals(windows.getWindowFn())) {
      throw new IllegalArgumentException(
          "CombineHourly needs the hourly windows (CombineHourly.hourlyWindows()), got " + windows);
    }
    return new CombineHourly(rules, dedupe, windows, countedAs, readAhead);
  }

  /** What the per-file counters count a line's origin as ({@link ParseReadings#withCountsPer}). */
  public CombineHourly withCountsPer(SerializableFunction<String, String> countedAs) {
    return new CombineHourly(rules, dedupe, windows, countedAs, readAhead);
  }

  /** The read step's bound, counted off as lines are parsed ({@link ParseReadings#releasing}). */
  public CombineHourly withReadAhead(ReadAhead readAhead) {
    if (readAhead == null) {
      throw new IllegalArgumentException("CombineHourly needs a read-ahead, got null");
    }
    return new CombineHourly(rules, dedupe, windows, countedAs, readAhead);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    ParseReadings parse =
        ParseReadings.create().withRules(rules).withCountsPer(countedAs).releasing(readAhead);
    // Dedupe needs each reading on its own, so it turns the per-bundle pre-combining off.
    PCollectionTuple parsed =
        lines.apply("ParseReadings", dedupe ? parse.withoutPreCombining() : parse);
    PCollection<KV<String, HourlyAccumulator>> accumulators =
        parsed
            .get(ParseReadings.ACCUMULATORS)
            .apply("AddEventTimestamps", WithTimestamps.of(CombineHourly::eventTime))
            .apply("HourlyWindows", windows);
    if (dedupe) {
      // After windowing: duplicates share their instant, hence their window.
      accumulators = accumulators.apply("DropDuplicateReadings", DropDuplicateReadings.create());
    }
    return PCollectionTuple.of(
            ACCUMULATORS,
            accumulators.apply("HourlyStats", Combine.perKey(new HourlyAccumulatorCombineFn())))
        .and(REJECTS, parsed.get(ParseReadings.REJECTS));
  }

  /**
   * An accumulator's event time: its first reading, which lies in its hour like all its readings.
   */
  private static Instant eventTime(KV<String, HourlyAccumulator> meterHour) {
    return new Instant(meterHour.getValue().firstTime());
  }
}
