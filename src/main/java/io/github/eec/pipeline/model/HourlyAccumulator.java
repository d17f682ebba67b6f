package io.github.eec.pipeline.model;

import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What one meter-hour needs for its metrics: the count, exact power sum, min and max, and the first
 * and last reading by time (the anchors of the energy rule). Equal times break ties by energy
 * (smaller first, larger last), so the result never depends on input order.
 *
 * <p>The one mergeable value of the job: the parse step fills one per bundle and meter-hour, the
 * combine merges them per meter-hour. Mutable on purpose: both update it in place for each reading.
 */
@DefaultCoder(HourlyAccumulatorCoder.class)
public final class HourlyAccumulator {
  long count;
  ExactSum powerSum = new ExactSum();
  double powerMin = Double.POSITIVE_INFINITY;
  double powerMax = Double.NEGATIVE_INFINITY;
  long firstTime = Long.MAX_VALUE;
  double firstEnergy;
  long lastTime = Long.MIN_VALUE;
  double lastEnergy;

  /** An accumulator of one reading. */
  public static HourlyAccumulator of(long timeMillis, double energyMwh, double powerMw) {
    HourlyAccumulator a = new HourlyAccumulator();
    a.add(timeMillis, energyMwh, powerMw);
    return a;
  }

  public void add(long timeMillis, double energyMwh, double powerMw) {
    count++;
    powerSum.add(powerMw);
    if (powerMw < powerMin) {
      powerMin = powerMw;
    }
    if (powerMw > powerMax) {
      powerMax = powerMw;
    }
    takeFirst(timeMillis, energyMwh);
    takeLast(timeMillis, energyMwh);
  }

  public void merge(HourlyAccumulator other) {
    if (other.count == 0) {
      return;
    }
    count += other.count;
    powerSum.addAll(other.powerSum);
    powerMin = Math.min(powerMin, other.powerMin);
    powerMax = Math.max(powerMax, other.powerMax);
    takeFirst(other.firstTime, other.firstEnergy);
    takeLast(other.lastTime, other.lastEnergy);
  }

  private void takeFirst(long time, double energy) {
    if (time < firstTime || (time == firstTime && energy < firstEnergy)) {
      firstTime = time;
      firstEnergy = energy;
    }
  }

  private void takeLast(long time, double energy) {
    if (time > lastTime || (time == lastTime && energy > lastEnergy)) {
      lastTime = time;
      lastEnergy = energy;
    }
  }

  /**
   * An accumulator as stored (the merged table keeps each meter-hour's): {@code powerSumTerms} are
   * {@link #powerSumTerms()} of the original.
   */
  public static HourlyAccumulator restore(
      long count,
      double[] powerSumTerms,
      double powerMin,
      double powerMax,
      long firstTime,
      double firstEnergy,
      long lastTime,
      double lastEnergy) {
    HourlyAccumulator a = new HourlyAccumulator();
    a.count = count;
    a.powerSum = ExactSum.ofCanonicalTerms(powerSumTerms.clone());
    a.powerMin = powerMin;
    a.powerMax = powerMax;
    a.firstTime = firstTime;
    a.firstEnergy = firstEnergy;
    a.lastTime = lastTime;
    a.lastEnergy = lastEnergy;
    return a;
  }

  /**
   * The exact power sum as non-overlapping terms, smallest first; the same for equal sums whatever
   * the order of the readings, so it can be stored and merged later without losing exactness.
   */
  public double[] powerSumTerms() {
    return powerSum.canonicalTerms();
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public long count() {
    return count;
  }

  public double powerMin() {
    return powerMin;
  }

  public double powerMax() {
    return powerMax;
  }

  /** Exact sum of the power values, rounded once. */
  public double powerSum() {
    return powerSum.value();
  }

  public double powerMean() {
    return count == 0 ? Double.NaN : powerSum.value() / count;
  }

  public long firstTime() {
    return firstTime;
  }

  public double firstEnergy() {
    return firstEnergy;
  }

  public long lastTime() {
    return lastTime;
  }

  public double lastEnergy() {
    return lastEnergy;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HourlyAccumulator)) {
      return false;
    }
    HourlyAccumulator a = (HourlyAccumulator) o;
    return count == a.count
        && powerSum.equals(a.powerSum)
        && Double.compare(powerMin, a.powerMin) == 0
        && Double.compare(powerMax, a.powerMax) == 0
        && firstTime == a.firstTime
        && Double.compare(firstEnergy, a.firstEnergy) == 0
        && lastTime == a.lastTime
        && Double.compare(lastEnergy, a.lastEnergy) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        count, powerSum, powerMin, powerMax, firstTime, firstEnergy, lastTime, lastEnergy);
  }

  @Override
  public String toString() {
    return "HourlyAccumulator{n="
        + count
        + ", sum="
        + powerSum()
        + ", min="
        + powerMin
        + ", max="
        + powerMax
        + ", first=("
        + firstTime
        + ", "
        + firstEnergy
        + "), last=("
        + lastTime
        + ", "
        + lastEnergy
        + ")}";
  }
}
