package io.github.eec.tools.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The README's metric rules, implemented literally and on their own (no pipeline code): sort one
 * meter's accepted readings by time (equal times: smaller energy first), group them by UTC hour,
 * take each hour's first and last reading as anchors, and share the consumption between anchors of
 * neighbouring hours by time.
 *
 * <p>Floating point: a share is {@code consumption * (double) dtPart / (double) dtWhole}, evaluated
 * left to right, and {@code energy = startShare + inside + endShare}. A pipeline that orders these
 * operations differently can differ in the last bits, so compare energy with a tiny relative
 * tolerance. The mean is the exact sum of the powers (BigDecimal), rounded once to a double,
 * divided by the count; min, max, mean, readings and resets can be compared exactly.
 */
public final class GroundTruthCalculator {
  static final long HOUR_MILLIS = 3_600_000L;

  private static final Comparator<PrintedReading> BY_TIME_THEN_ENERGY =
      Comparator.comparingLong(PrintedReading::timeMillis)
          .thenComparingDouble(PrintedReading::energy);

  private GroundTruthCalculator() {}

  /** The hourly rows of one meter, in time order, from its accepted readings in any order. */
  public static List<ExpectedHour> hourly(List<PrintedReading> readings) {
    List<PrintedReading> r = new ArrayList<>(readings);
    r.sort(BY_TIME_THEN_ENERGY);
    // Hour groups as [from, to) index ranges into the sorted readings.
    List<int[]> groups = new ArrayList<>();
    for (int i = 0; i < r.size(); ) {
      long hour = hourOf(r.get(i).timeMillis());
      int j = i + 1;
      while (j < r.size() && hourOf(r.get(j).timeMillis()) == hour) {
        j++;
      }
      groups.add(new int[] {i, j});
      i = j;
    }
    List<ExpectedHour> rows = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      int from = groups.get(g)[0];
      int to = groups.get(g)[1];
      PrintedReading first = r.get(from);
      PrintedReading last = r.get(to - 1);
      long h = hourOf(first.timeMillis());
      long hEnd = h + HOUR_MILLIS;
      int resets = 0;

      double startShare = 0;
      if (g > 0) {
        PrintedReading p = r.get(groups.get(g - 1)[1] - 1);
        if (first.energy() < p.energy()) {
          resets++;
        }
        if (first.timeMillis() != h) {
          startShare =
              consumption(p, first)
                  * (double) (first.timeMillis() - h)
                  / (double) (first.timeMillis() - p.timeMillis());
        }
      }
      double inside = consumption(first, last);
      if (last.energy() < first.energy()) {
        resets++;
      }
      double endShare = 0;
      if (g + 1 < groups.size()) {
        PrintedReading n = r.get(groups.get(g + 1)[0]);
        endShare =
            consumption(last, n)
                * (double) (hEnd - last.timeMillis())
                / (double) (n.timeMillis() - last.timeMillis());
      }

      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = from; i < to; i++) {
        double p = r.get(i).power();
        min = Math.min(min, p);
        max = Math.max(max, p);
        sum = sum.add(new BigDecimal(p));
      }
      long count = to - from;
      rows.add(
          new ExpectedHour(
              first.meter(),
              h,
              hEnd,
              startShare + inside + endShare,
              min,
              max,
              sum.doubleValue() / count,
              count,
              resets));
    }
    return rows;
  }

  /** Consumption between consecutive anchors: the register increase, or b's value after a reset. */
  static double consumption(PrintedReading a, PrintedReading b) {
    return b.energy() < a.energy() ? b.energy() : b.energy() - a.energy();
  }

  static long hourOf(long millis) {
    return Math.floorDiv(millis, HOUR_MILLIS) * HOUR_MILLIS;
  }
}
