package io.github.eec.pipeline.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A reading that the energy rule interpolates from: its time (epoch millis) and register (mWh). An
 * hour's energy needs the last reading of the meter's previous hour with data and the first reading
 * of its next one.
 */
public final class Anchor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long timeMillis;
  private final double energyMwh;

  public Anchor(long timeMillis, double energyMwh) {
    this.timeMillis = timeMillis;
    this.energyMwh = energyMwh;
  }

  /** The first reading of an hour, the anchor its previous hour ends on. */
  public static Anchor firstOf(HourlyAccumulator a) {
    return new Anchor(a.firstTime(), a.firstEnergy());
  }

  /** The last reading of an hour, the anchor its next hour starts from. */
  public static Anchor lastOf(HourlyAccumulator a) {
    return new Anchor(a.lastTime(), a.lastEnergy());
  }

  public long timeMillis() {
    return timeMillis;
  }

  public double energyMwh() {
    return energyMwh;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Anchor
        && timeMillis == ((Anchor) o).timeMillis
        && Double.compare(energyMwh, ((Anchor) o).energyMwh) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeMillis, energyMwh);
  }

  @Override
  public String toString() {
    return "Anchor{" + java.time.Instant.ofEpochMilli(timeMillis) + ", " + energyMwh + "}";
  }
}
