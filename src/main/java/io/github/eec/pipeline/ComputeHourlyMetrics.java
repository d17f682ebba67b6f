package io.github.eec.pipeline;

import io.github.eec.pipeline.aggregate.HourlyStatsCombineFn;
import io.github.eec.pipeline.aggregate.InterpolateHourlyEnergy;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Reading;
import io.github.eec.pipeline.model.ReadingCoder;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.parse.ParseReadingFn;
import io.github.eec.pipeline.parse.DropDuplicateReadings;
import io.github.eec.pipeline.parse.ParseReadings;
import io.github.eec.pipeline.parse.ReadingRules;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
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

  public ComputeHourlyMetrics(ReadingRules rules, boolean dedupe) {
    this.rules = rules;
    this.dedupe = dedupe;
  }

  /** Default rules in {@code timeZone}, without dedupe. */
  public ComputeHourlyMetrics(String timeZone) {
    this(ReadingRules.defaults(timeZone), false);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    PCollectionTuple parsed = lines.apply("ParseReadings", new ParseReadings(rules));
    PCollection<Reading> readings =
        parsed
            .get(ParseReadingFn.READINGS)
            .apply("AddEventTimestamps", WithTimestamps.of((Reading r) -> new Instant(r.timeMillis())))
            .apply("HourlyWindows", Window.<Reading>into(FixedWindows.of(Duration.standardHours(1))));
    if (dedupe) {
      // After windowing: duplicates share their instant, hence their window.
      readings = readings.apply("DropDuplicateReadings", new DropDuplicateReadings());
    }
    PCollection<HourlyMeterStats> hourly =
        readings
            .apply("KeyByMeter", WithKeys.of(Reading::meter).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ReadingCoder.of()))
            .apply("HourlyStats", Combine.perKey(new HourlyStatsCombineFn()))
            .apply("InterpolateHourlyEnergy", new InterpolateHourlyEnergy());
    return PCollectionTuple.of(HOURLY, hourly).and(REJECTS, parsed.get(ParseReadingFn.REJECTS));
  }
}
