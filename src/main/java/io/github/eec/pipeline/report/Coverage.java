package io.github.eec.pipeline.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;

/**
 * Readings received against each meter's usual rate, per meter and UTC day. A day's expected
 * readings are the meter's usual rate times the day's hours inside the run's span (from its first
 * to its last hour with data), so the partial first and last days are not counted short. Without a
 * meter registry every meter is expected over the whole span: a meter that started or stopped
 * reporting inside it shows the hours before or after as missing.
 */
final class Coverage {
  /** One meter's coverage. */
  static final class MeterCoverage {
    final MeterTally meter;
    final int usualRate;
    final double[] byDay;
    final double overall;
    final long missingHours;

    MeterCoverage(MeterTally meter, int usualRate, double[] byDay, double overall, long missing) {
      this.meter = meter;
      this.usualRate = usualRate;
      this.byDay = byDay;
      this.overall = overall;
      this.missingHours = missing;
    }
  }

  private final List<Integer> days;
  private final int[] expectedHours;
  private final List<MeterCoverage> meters;
  private final double[] allMeters;

  private Coverage(
      List<Integer> days, int[] expectedHours, List<MeterCoverage> meters, double[] allMeters) {
    this.days = days;
    this.expectedHours = expectedHours;
    this.meters = meters;
    this.allMeters = allMeters;
  }

  /**
   * The coverage of the tally's meters over every day from the first to the last hour with data, or
   * with {@code onlyDaysWithData} over the days with rows only (a merge rewrites whole days, the
   * days between are not its own).
   */
  static Coverage of(HourlyTally tally, boolean onlyDaysWithData) {
    List<Integer> days = new ArrayList<>();
    if (!tally.isEmpty()) {
      SortedSet<Integer> withData = tally.daysWithData();
      if (onlyDaysWithData) {
        days.addAll(withData);
      } else {
        for (int d = withData.first(); d <= withData.last(); d++) {
          days.add(d);
        }
      }
    }
    int[] expected = new int[days.size()];
    for (int i = 0; i < days.size(); i++) {
      long dayStart = days.get(i) * 24L;
      long from = Math.max(dayStart, tally.firstHour());
      long to = Math.min(dayStart + 23, tally.lastHour());
      expected[i] = (int) Math.max(0, to - from + 1);
    }
    List<MeterCoverage> meters = new ArrayList<>();
    double[] allReadings = new double[days.size()];
    double[] allExpected = new double[days.size()];
    for (MeterTally m : tally.meters()) {
      int usual = m.usualRate();
      double[] byDay = new double[days.size()];
      long readings = 0;
      double expectedReadings = 0;
      long missing = 0;
      for (int i = 0; i < days.size(); i++) {
        int day = days.get(i);
        long r = m.readingsOn(day);
        double e = (double) usual * expected[i];
        byDay[i] = e == 0 ? Double.NaN : r / e;
        readings += r;
        expectedReadings += e;
        missing += Math.max(0, expected[i] - m.hoursOn(day));
        allReadings[i] += r;
        allExpected[i] += e;
      }
      double overall = expectedReadings == 0 ? 1 : readings / expectedReadings;
      meters.add(new MeterCoverage(m, usual, byDay, overall, missing));
    }
    meters.sort(
        Comparator.comparingDouble((MeterCoverage c) -> c.overall)
            .thenComparing(c -> -c.missingHours)
            .thenComparing(c -> c.meter.meter()));
    double[] all = new double[days.size()];
    for (int i = 0; i < days.size(); i++) {
      all[i] = allExpected[i] == 0 ? Double.NaN : allReadings[i] / allExpected[i];
    }
    return new Coverage(days, expected, meters, all);
  }

  /** The days (days since the epoch), in order. */
  List<Integer> days() {
    return days;
  }

  /** Hours of each day inside the run's span. */
  int expectedHours(int dayIndex) {
    return expectedHours[dayIndex];
  }

  /** Every meter, worst covered first. */
  List<MeterCoverage> meters() {
    return meters;
  }

  /** All meters together: the day's readings against the sum of their usual rates. */
  double allMeters(int dayIndex) {
    return allMeters[dayIndex];
  }
}
