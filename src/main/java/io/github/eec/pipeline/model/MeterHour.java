package io.github.eec.pipeline.aggregate;

import java.util.Objects;

/** A meter-hour's accumulator together with the start of its hour (epoch millis, UTC). */
public final class MeterHour {
  private final long hourStart;
  private final HourlyAccumulator stats;

  public MeterHour(long hourStart, HourlyAccumulator stats) {
    this.hourStart = hourStart;
    this.stats = stats;
  }

  public long hourStart() {
    return hourStart;
  }

  public HourlyAccumulator stats() {
    return stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeterHour
        && hourStart == ((MeterHour) o).hourStart
        && stats.equals(((MeterHour) o).stats);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hourStart, stats);
  }

  @Override
  public String toString() {
    return "MeterHour{" + hourStart + ", " + stats + "}";
  }
}
