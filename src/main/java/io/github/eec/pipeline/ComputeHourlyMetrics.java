package io.github.eec.pipeline;

import io.github.eec.pipeline.aggregate.HourlyAccumulator;
import io.github.eec.pipeline.aggregate.HourlyEnergyCalculator;
import io.github.eec.pipeline.aggregate.HourlyStatsCombineFn;
import io.github.eec.pipeline.aggregate.InterpolateHourlyEnergy;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.parse.ParseReadingFn;
import io.github.eec.pipeline.parse.DropDuplicateReadings;
import io.github.eec.pipeline.parse.ParseReadings;
import io.github.eec.pipeline.parse.ReadingRules;
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
public final class ComputeHourlyMetrics extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  public static final TupleTag<HourlyMeterStats> HOURLY = new TupleTag<HourlyMeterStats>() {};
  public static final TupleTag<Reject> REJECTS = ParseReadingFn.REJECTS;

  private final ReadingRules rules;
  private final boolean dedupe;
  private final int meterGroups;

  /** {@code meterGroups}: see {@link InterpolateHourlyEnergy}; it changes how the work is split, not the result. */
  public ComputeHourlyMetrics(ReadingRules rules, boolean dedupe, int meterGroups) {
    this.rules = rules;
    this.dedupe = dedupe;
    this.meterGroups = meterGroups;
  }

  /** Default rules in {@code timeZone}, without dedupe. */
  public ComputeHourlyMetrics(String timeZone) {
    this(ReadingRules.defaults(timeZone), false, InterpolateHourlyEnergy.MANY_GROUPS);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    // --dedupe needs each reading on its own, so it turns the per-bundle pre-combining off.
    PCollectionTuple parsed = lines.apply("ParseReadings", new ParseReadings(rules, !dedupe));
    PCollection<KV<String, HourlyAccumulator>> partials =
        parsed
            .get(ParseReadingFn.PARTIALS)
            .apply("AddEventTimestamps", WithTimestamps.of(ComputeHourlyMetrics::eventTime))
            .apply("HourlyWindows", Window.into(FixedWindows.of(Duration.millis(HourlyEnergyCalculator.HOUR_MILLIS))));
    if (dedupe) {
      // After windowing: duplicates share their instant, hence their window.
      partials = partials.apply("DropDuplicateReadings", new DropDuplicateReadings());
    }
    PCollection<HourlyMeterStats> hourly =
        partials
            .apply("HourlyStats", Combine.perKey(new HourlyStatsCombineFn()))
            .apply("InterpolateHourlyEnergy", new InterpolateHourlyEnergy(meterGroups));
    return PCollectionTuple.of(HOURLY, hourly).and(REJECTS, parsed.get(ParseReadingFn.REJECTS));
  }

  /** A partial's event time: its first reading, which lies in the partial's hour like all its readings. */
  private static Instant eventTime(KV<String, HourlyAccumulator> partial) {
    return new Instant(partial.getValue().firstTime());
  }
}
