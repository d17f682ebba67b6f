package io.github.eec.pipeline.model;

import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/** A meter-hour's accumulator together with the start of its hour (epoch millis, UTC). */
@DefaultCoder(MeterHourCoder.class)
public final class MeterHour {
  private final long hourStart;
  private final HourlyAccumulator accumulator;

  public MeterHour(long hourStart, HourlyAccumulator accumulator) {
    this.hourStart = hourStart;
    this.accumulator = accumulator;
  }

  public long hourStart() {
    return hourStart;
  }

  public HourlyAccumulator accumulator() {
    return accumulator;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeterHour
        && hourStart == ((MeterHour) o).hourStart
        && accumulator.equals(((MeterHour) o).accumulator);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hourStart, accumulator);
  }

  @Override
  public String toString() {
    return "MeterHour{" + hourStart + ", " + accumulator + "}";
  }
}
