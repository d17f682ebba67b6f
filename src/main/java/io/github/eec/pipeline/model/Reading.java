package io.github.eec.pipeline.model;

import java.util.Objects;

/** One accepted meter reading: register in mWh and power in mW at an instant (epoch millis, UTC). */
public final class Reading {
  private final String meter;
  private final long timeMillis;
  private final double energyMwh;
  private final double powerMw;

  public Reading(String meter, long timeMillis, double energyMwh, double powerMw) {
    this.meter = meter;
    this.timeMillis = timeMillis;
    this.energyMwh = energyMwh;
    this.powerMw = powerMw;
  }

  public String meter() {
    return meter;
  }

  public long timeMillis() {
    return timeMillis;
  }

  public double energyMwh() {
    return energyMwh;
  }

  public double powerMw() {
    return powerMw;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Reading)) {
      return false;
    }
    Reading r = (Reading) o;
    return timeMillis == r.timeMillis
        && Double.compare(energyMwh, r.energyMwh) == 0
        && Double.compare(powerMw, r.powerMw) == 0
        && meter.equals(r.meter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, timeMillis, energyMwh, powerMw);
  }

  @Override
  public String toString() {
    return "Reading{" + meter + ", t=" + timeMillis + ", E=" + energyMwh + ", P=" + powerMw + "}";
  }
}
