package io.github.eec.pipeline.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The distribution of hourly energy over bins of equal width on a log scale (five a decade): hourly
 * values span many decades, and an implausible one (a register glitch of 10^15 mWh) stands alone
 * far to the right instead of squeezing every other bar into one.
 */
final class EnergyHistogram {
  static final int BINS_PER_DECADE = 5;

  private long zeros;
  private final TreeMap<Integer, Long> bins = new TreeMap<>();

  void add(double energyMwh) {
    if (!(energyMwh > 0)) {
      zeros++;
    } else {
      bins.merge(bin(energyMwh), 1L, Long::sum);
    }
  }

  /** The bin of a positive value: {@code [10^(b/5), 10^((b+1)/5))}. */
  static int bin(double energyMwh) {
    return (int) Math.floor(Math.log10(energyMwh) * BINS_PER_DECADE);
  }

  static double lowerBound(int bin) {
    return Math.pow(10, (double) bin / BINS_PER_DECADE);
  }

  long zeros() {
    return zeros;
  }

  /** The positive bins from the lowest to the highest non-empty one (empty ones between too). */
  Map<Integer, Long> bins() {
    Map<Integer, Long> all = new TreeMap<>();
    if (!bins.isEmpty()) {
      for (int b = bins.firstKey(); b <= bins.lastKey(); b++) {
        all.put(b, bins.getOrDefault(b, 0L));
      }
    }
    return all;
  }
}
