package io.github.eec.pipeline.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** One meter's hourly rows, summed: by day, and how many readings its hours usually have. */
final class MeterTally {
  /** Meters of at least this many readings an hour get the tolerance of {@link #tolerance}. */
  static final int FAST_METER = 10;

  private final String meter;
  private long readings;
  private int hours;
  private long resets;
  private double energyMwh;

  /** Hours with data by their number of readings: the meter's usual rate is its median. */
  private final Map<Integer, Integer> hoursByReadings = new HashMap<>(4);

  /** {@link #usualRate}, once computed (-1: not yet, or rows added since). */
  private int usual = -1;

  private int firstDay;
  private long[] dayReadings = new long[0];
  private int[] dayHours = new int[0];

  MeterTally(String meter) {
    this.meter = meter;
  }

  /**
   * An estimated hour inside a gap ({@code --fillGaps}, no readings): its energy counts, the hour
   * stays missing for coverage.
   */
  void addEstimated(double hourEnergyMwh) {
    energyMwh += hourEnergyMwh;
  }

  void add(int epochDay, long hourReadings, double hourEnergyMwh, int hourResets) {
    usual = -1;
    readings += hourReadings;
    hours++;
    resets += hourResets;
    energyMwh += hourEnergyMwh;
    hoursByReadings.merge((int) Math.min(Integer.MAX_VALUE, hourReadings), 1, Integer::sum);
    int i = dayIndex(epochDay);
    dayReadings[i] += hourReadings;
    dayHours[i]++;
  }

  /** The index of {@code day} in the day arrays, growing them to hold it. */
  private int dayIndex(int day) {
    if (dayReadings.length == 0) {
      firstDay = day;
      dayReadings = new long[1];
      dayHours = new int[1];
    } else if (day < firstDay) {
      int shift = firstDay - day;
      long[] r = new long[dayReadings.length + shift];
      int[] h = new int[dayHours.length + shift];
      System.arraycopy(dayReadings, 0, r, shift, dayReadings.length);
      System.arraycopy(dayHours, 0, h, shift, dayHours.length);
      dayReadings = r;
      dayHours = h;
      firstDay = day;
    } else if (day - firstDay >= dayReadings.length) {
      int size = Math.max(day - firstDay + 1, dayReadings.length * 2);
      dayReadings = Arrays.copyOf(dayReadings, size);
      dayHours = Arrays.copyOf(dayHours, size);
    }
    return day - firstDay;
  }

  String meter() {
    return meter;
  }

  long readings() {
    return readings;
  }

  int hours() {
    return hours;
  }

  long resets() {
    return resets;
  }

  double energyMwh() {
    return energyMwh;
  }

  long readingsOn(int day) {
    int i = day - firstDay;
    return i >= 0 && i < dayReadings.length ? dayReadings[i] : 0;
  }

  int hoursOn(int day) {
    int i = day - firstDay;
    return i >= 0 && i < dayHours.length ? dayHours[i] : 0;
  }

  /**
   * Readings in a usual hour of this meter: the median over its hours with data, so gaps, partial
   * hours at the edges and duplicated lines do not move it. At least 1.
   */
  int usualRate() {
    if (usual < 0) {
      usual = medianReadings();
    }
    return usual;
  }

  private int medianReadings() {
    int[] counts = hoursByReadings.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    int seen = 0;
    for (int c : counts) {
      seen += hoursByReadings.get(c);
      if (2L * seen >= hours) {
        return Math.max(1, c);
      }
    }
    return 1;
  }

  /**
   * How far an hour's count may stray from the usual rate before it counts as short or extra: a
   * meter of many readings an hour has one more or one less whenever a reading lands on the other
   * side of an hour boundary, which is neither a gap nor a duplicate.
   */
  int tolerance() {
    return usualRate() >= FAST_METER ? 1 : 0;
  }

  /** Hours with data but fewer readings than usual (a gap inside the hour). */
  long hoursBelowUsual() {
    int least = usualRate() - tolerance();
    long n = 0;
    for (Map.Entry<Integer, Integer> e : hoursByReadings.entrySet()) {
      if (e.getKey() < least) {
        n += e.getValue();
      }
    }
    return n;
  }

  /**
   * Readings above the usual rate (and its tolerance), summed over the hours that have more:
   * duplicated lines, or a meter that read faster.
   */
  long readingsAboveUsual() {
    int most = usualRate() + tolerance();
    long n = 0;
    for (Map.Entry<Integer, Integer> e : hoursByReadings.entrySet()) {
      if (e.getKey() > most) {
        n += (long) (e.getKey() - most) * e.getValue();
      }
    }
    return n;
  }
}
