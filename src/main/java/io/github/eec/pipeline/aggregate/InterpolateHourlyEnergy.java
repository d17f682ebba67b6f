package io.github.eec.pipeline.aggregate;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.MeterHour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The step after the hourly combine: brings each meter's hours together (global window) so each
 * hour's energy can use the neighbouring hours' anchor readings, and emits the output rows.
 *
 * <p>Hours are grouped by <em>meter group</em>: a hash of the meter id modulo {@code meterGroups}.
 * Every meter lies wholly in one group and is computed on its own inside it, so the result does not
 * depend on the number of groups; only the runner's work does. With a group per meter (about, for a
 * large count) a cluster spreads the step over as many workers as it likes; the DirectRunner,
 * though, hands every group to each later step as a bundle of its own, at a fixed cost of
 * milliseconds per bundle and step, so it runs best with few groups (see {@code --meterGroups}).
 *
 * <p>Only one small accumulator per meter-hour crosses this shuffle: a meter's whole history (8,760
 * hours a year) is about 1 MB.
 */
public class InterpolateHourlyEnergy
    extends PTransform<PCollection<KV<String, HourlyAccumulator>>, PCollection<HourlyMeterStats>> {
  /** The default: meters rarely share a group, groups stay small, any parallelism is possible. */
  public static final int MANY_GROUPS = 1 << 16;

  private final int meterGroups;
  private final boolean gapRows;

  private InterpolateHourlyEnergy(int meterGroups, boolean gapRows) {
    this.meterGroups = meterGroups;
    this.gapRows = gapRows;
  }

  public static InterpolateHourlyEnergy create() {
    return new InterpolateHourlyEnergy(MANY_GROUPS, false);
  }

  /** Spreads the meters over this many groups; changes how the work is split, never the rows. */
  public InterpolateHourlyEnergy withMeterGroups(int meterGroups) {
    if (meterGroups < 1) {
      throw new IllegalArgumentException("meterGroups must be at least 1, got " + meterGroups);
    }
    return new InterpolateHourlyEnergy(meterGroups, gapRows);
  }

  /**
   * Also an estimated row for every hour without readings between a meter's first and last reading
   * ({@link HourlyMeterStats#estimated}), so a meter's rows add up to its consumption.
   */
  public InterpolateHourlyEnergy withGapRows() {
    return new InterpolateHourlyEnergy(meterGroups, true);
  }

  @Override
  public PCollection<HourlyMeterStats> expand(PCollection<KV<String, HourlyAccumulator>> hourly) {
    return hourly
        .apply("KeyByMeterGroup", ParDo.of(new KeyByMeterGroupFn(meterGroups)))
        .apply(
            "IntoGlobalWindow",
            Window.<KV<Integer, KV<String, MeterHour>>>into(new GlobalWindows()))
        .apply("GroupHoursByMeterGroup", GroupByKey.create())
        .apply("ComputeHourlyRows", ParDo.of(new ComputeRowsFn(gapRows)));
  }

  /**
   * Splits a group into its meters (in id order, so output order is reproducible) and computes
   * each.
   */
  static class ComputeRowsFn
      extends DoFn<KV<Integer, Iterable<KV<String, MeterHour>>>, HourlyMeterStats> {
    private final Counter resets =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.REGISTER_RESETS);
    private final Counter estimated =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.HOURS_ESTIMATED);
    private final boolean gapRows;

    ComputeRowsFn(boolean gapRows) {
      this.gapRows = gapRows;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, MeterHour>>> group,
        OutputReceiver<HourlyMeterStats> out) {
      Map<String, List<MeterHour>> byMeter = new TreeMap<>();
      for (KV<String, MeterHour> hour : group.getValue()) {
        byMeter.computeIfAbsent(hour.getKey(), m -> new ArrayList<>()).add(hour.getValue());
      }
      long resetCount = 0;
      long estimatedCount = 0;
      for (Map.Entry<String, List<MeterHour>> meter : byMeter.entrySet()) {
        for (HourlyMeterStats row :
            HourlyEnergyCalculator.compute(meter.getKey(), meter.getValue(), gapRows)) {
          resetCount += row.registerResets();
          estimatedCount += row.isEstimated() ? 1 : 0;
          out.output(row);
        }
      }
      resets.inc(resetCount);
      estimated.inc(estimatedCount);
    }
  }
}
