package io.github.eec.pipeline;

import io.github.eec.pipeline.aggregate.HourlyAccumulatorCombineFn;
import io.github.eec.pipeline.aggregate.InterpolateHourlyEnergy;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.parse.DropDuplicateReadings;
import io.github.eec.pipeline.parse.ParseReadings;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
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
 * Everything between reading the lines and writing the results: {@code (file, line)} pairs to
 * hourly rows ({@link #HOURLY}) and rejected lines ({@link #REJECTS}).
 */
public final class ComputeHourlyMetrics
    extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  public static final TupleTag<HourlyMeterStats> HOURLY = new TupleTag<HourlyMeterStats>() {};
  public static final TupleTag<Reject> REJECTS = ParseReadings.REJECTS;

  private final ReadingRules rules;
  private final boolean dedupe;
  private final int meterGroups;

  private ComputeHourlyMetrics(ReadingRules rules, boolean dedupe, int meterGroups) {
    this.rules = rules;
    this.dedupe = dedupe;
    this.meterGroups = meterGroups;
  }

  /** Default rules, every reading counted, the interpolation's default grouping. */
  public static ComputeHourlyMetrics create() {
    return new ComputeHourlyMetrics(
        ReadingRules.defaults(), false, InterpolateHourlyEnergy.MANY_GROUPS);
  }

  public ComputeHourlyMetrics withRules(ReadingRules rules) {
    return new ComputeHourlyMetrics(rules, dedupe, meterGroups);
  }

  /** Whether a meter and time counts once however many lines have it ({@code --dedupe}). */
  public ComputeHourlyMetrics withDedupe(boolean dedupe) {
    return new ComputeHourlyMetrics(rules, dedupe, meterGroups);
  }

  /**
   * See {@link InterpolateHourlyEnergy#withMeterGroups}: how the work is split, never the result.
   */
  public ComputeHourlyMetrics withMeterGroups(int meterGroups) {
    return new ComputeHourlyMetrics(rules, dedupe, meterGroups);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    ParseReadings parse = ParseReadings.create().withRules(rules);
    // Dedupe needs each reading on its own, so it turns the per-bundle pre-combining off.
    PCollectionTuple parsed =
        lines.apply("ParseReadings", dedupe ? parse.withoutPreCombining() : parse);
    PCollection<KV<String, HourlyAccumulator>> accumulators =
        parsed
            .get(ParseReadings.ACCUMULATORS)
            .apply("AddEventTimestamps", WithTimestamps.of(ComputeHourlyMetrics::eventTime))
            .apply(
                "HourlyWindows", Window.into(FixedWindows.of(Duration.millis(Hours.HOUR_MILLIS))));
    if (dedupe) {
      // After windowing: duplicates share their instant, hence their window.
      accumulators = accumulators.apply("DropDuplicateReadings", DropDuplicateReadings.create());
    }
    PCollection<HourlyMeterStats> hourly =
        accumulators
            .apply("HourlyStats", Combine.perKey(new HourlyAccumulatorCombineFn()))
            .apply(
                "InterpolateHourlyEnergy",
                InterpolateHourlyEnergy.create().withMeterGroups(meterGroups));
    return PCollectionTuple.of(HOURLY, hourly).and(REJECTS, parsed.get(ParseReadings.REJECTS));
  }

  /**
   * An accumulator's event time: its first reading, which lies in its hour like all its readings.
   */
  private static Instant eventTime(KV<String, HourlyAccumulator> meterHour) {
    return new Instant(meterHour.getValue().firstTime());
  }
}
