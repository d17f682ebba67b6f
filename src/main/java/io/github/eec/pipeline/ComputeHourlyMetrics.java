package io.github.eec.pipeline;

import io.github.eec.pipeline.aggregate.InterpolateHourlyEnergy;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.parse.ReadAhead;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Everything between reading the lines and writing the results of a plain run: {@code (file, line)}
 * pairs to hourly rows ({@link #HOURLY}) and rejected lines ({@link #REJECTS}).
 */
public final class ComputeHourlyMetrics
    extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  public static final TupleTag<HourlyMeterStats> HOURLY = new TupleTag<HourlyMeterStats>() {};
  public static final TupleTag<Reject> REJECTS = CombineHourly.REJECTS;

  private final CombineHourly combine;
  private final InterpolateHourlyEnergy interpolate;

  private ComputeHourlyMetrics(CombineHourly combine, InterpolateHourlyEnergy interpolate) {
    this.combine = combine;
    this.interpolate = interpolate;
  }

  /** Default rules, every reading counted, the interpolation's default grouping. */
  public static ComputeHourlyMetrics create() {
    return new ComputeHourlyMetrics(CombineHourly.create(), InterpolateHourlyEnergy.create());
  }

  public ComputeHourlyMetrics withRules(ReadingRules rules) {
    return new ComputeHourlyMetrics(combine.withRules(rules), interpolate);
  }

  /** Whether a meter and time counts once however many lines have it ({@code --dedupe}). */
  public ComputeHourlyMetrics withDedupe(boolean dedupe) {
    return new ComputeHourlyMetrics(combine.withDedupe(dedupe), interpolate);
  }

  /**
   * See {@link InterpolateHourlyEnergy#withMeterGroups}: how the work is split, never the result.
   */
  public ComputeHourlyMetrics withMeterGroups(int meterGroups) {
    return new ComputeHourlyMetrics(combine, interpolate.withMeterGroups(meterGroups));
  }

  /**
   * Also the estimated rows of the hours inside gaps ({@link InterpolateHourlyEnergy#withGapRows}).
   */
  public ComputeHourlyMetrics withGapRows() {
    return new ComputeHourlyMetrics(combine, interpolate.withGapRows());
  }

  /** See {@link CombineHourly#withReadAhead}: the bound the read step was given. */
  public ComputeHourlyMetrics withReadAhead(ReadAhead readAhead) {
    return new ComputeHourlyMetrics(combine.withReadAhead(readAhead), interpolate);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    PCollectionTuple combined = lines.apply("CombineHourly", combine);
    PCollection<HourlyMeterStats> hourly =
        combined.get(CombineHourly.ACCUMULATORS).apply("InterpolateHourlyEnergy", interpolate);
    return PCollectionTuple.of(HOURLY, hourly).and(REJECTS, combined.get(REJECTS));
  }
}
