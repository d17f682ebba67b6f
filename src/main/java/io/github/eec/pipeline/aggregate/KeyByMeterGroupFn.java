package io.github.eec.pipeline.aggregate;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.MeterHour;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * Keys each meter-hour of the hourly windows by its meter's group, and pins down its hour (the
 * window's start), for the steps that need a meter's hours together. A group is a hash of the meter
 * id modulo a count: every meter lies wholly in one group, so results never depend on the count,
 * only how the work is split (see {@code --meterGroups}).
 */
public class KeyByMeterGroupFn
    extends DoFn<KV<String, HourlyAccumulator>, KV<Integer, KV<String, MeterHour>>> {
  private final int meterGroups;

  public KeyByMeterGroupFn(int meterGroups) {
    if (meterGroups < 1) {
      throw new IllegalArgumentException("meterGroups must be at least 1, got " + meterGroups);
    }
    this.meterGroups = meterGroups;
  }

  @ProcessElement
  public void process(
      @Element KV<String, HourlyAccumulator> e,
      IntervalWindow window,
      OutputReceiver<KV<Integer, KV<String, MeterHour>>> out) {
    String meter = e.getKey();
    out.output(
        KV.of(
            meterGroup(meter, meterGroups),
            KV.of(meter, new MeterHour(window.start().getMillis(), e.getValue()))));
  }

  /**
   * The group of a meter id: deterministic on every JVM (String.hashCode is specified), well mixed.
   */
  public static int meterGroup(String meter, int meterGroups) {
    int h = meter.hashCode();
    // MurmurHash3's finalizer: ids that differ only in their last digits spread over all groups.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, meterGroups);
  }
}
