package io.github.eec.pipeline.model;

import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * One output row: a meter's metrics for one UTC hour. Times are epoch millis. An estimated row is
 * an hour without readings between a meter's first and last reading: its energy is its interpolated
 * share, it has no readings and no power values (NaN here, null in the outputs).
 */
@DefaultCoder(HourlyMeterStatsCoder.class)
public final class HourlyMeterStats {
  private final String meter;
  private final long windowStart;
  private final long windowEnd;
  private final double energyMwh;
  private final double powerMinMw;
  private final double powerMaxMw;
  private final double powerMeanMw;
  private final long readings;
  private final int registerResets;
  private final boolean estimated;

  /** A measured row: an hour with readings. */
  public HourlyMeterStats(
      String meter,
      long windowStart,
      long windowEnd,
      double energyMwh,
      double powerMinMw,
      double powerMaxMw,
      double powerMeanMw,
      long readings,
      int registerResets) {
    this.meter = meter;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.energyMwh = energyMwh;
    this.powerMinMw = powerMinMw;
    this.powerMaxMw = powerMaxMw;
    this.powerMeanMw = powerMeanMw;
    this.readings = readings;
    this.registerResets = registerResets;
    this.estimated = false;
  }

  private HourlyMeterStats(String meter, long windowStart, long windowEnd, double energyMwh) {
    this.meter = meter;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.energyMwh = energyMwh;
    this.powerMinMw = Double.NaN;
    this.powerMaxMw = Double.NaN;
    this.powerMeanMw = Double.NaN;
    this.readings = 0;
    this.registerResets = 0;
    this.estimated = true;
  }

  /** An estimated row: an hour without readings inside a gap, with its interpolated energy. */
  public static HourlyMeterStats estimated(
      String meter, long windowStart, long windowEnd, double energyMwh) {
    return new HourlyMeterStats(meter, windowStart, windowEnd, energyMwh);
  }

  public String meter() {
    return meter;
  }

  public long windowStart() {
    return windowStart;
  }

  public long windowEnd() {
    return windowEnd;
  }

  public double energyMwh() {
    return energyMwh;
  }

  public double powerMinMw() {
    return powerMinMw;
  }

  public double powerMaxMw() {
    return powerMaxMw;
  }

  public double powerMeanMw() {
    return powerMeanMw;
  }

  public long readings() {
    return readings;
  }

  public int registerResets() {
    return registerResets;
  }

  /** Whether the hour had no readings and its energy is interpolated (see {@link #estimated}). */
  public boolean isEstimated() {
    return estimated;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HourlyMeterStats)) {
      return false;
    }
    HourlyMeterStats s = (HourlyMeterStats) o;
    return windowStart == s.windowStart
        && windowEnd == s.windowEnd
        && Double.compare(energyMwh, s.energyMwh) == 0
        && Double.compare(powerMinMw, s.powerMinMw) == 0
        && Double.compare(powerMaxMw, s.powerMaxMw) == 0
        && Double.compare(powerMeanMw, s.powerMeanMw) == 0
        && readings == s.readings
        && registerResets == s.registerResets
        && estimated == s.estimated
        && meter.equals(s.meter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        meter, windowStart, energyMwh, powerMinMw, powerMaxMw, powerMeanMw, readings);
  }

  @Override
  public String toString() {
    return "HourlyMeterStats{"
        + meter
        + ", ["
        + java.time.Instant.ofEpochMilli(windowStart)
        + ", "
        + java.time.Instant.ofEpochMilli(windowEnd)
        + "), energy="
        + energyMwh
        + ", min="
        + powerMinMw
        + ", max="
        + powerMaxMw
        + ", mean="
        + powerMeanMw
        + ", n="
        + readings
        + ", resets="
        + registerResets
        + (estimated ? ", estimated" : "")
        + "}";
  }
}
