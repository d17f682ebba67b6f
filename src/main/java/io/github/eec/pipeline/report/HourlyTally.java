package io.github.eec.pipeline.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The hourly rows, gathered in one pass for the report: totals per hour, a {@link MeterTally} per
 * meter, the distribution of hourly energy and the largest hourly values. Memory grows with meters
 * times days, not with rows.
 */
final class HourlyTally implements HourlyRows.Visitor {
  static final long HOUR_MILLIS = 3_600_000L;
  private static final int LARGEST = 10;

  /** The sums of one hour over all meters. */
  static final class HourTotal {
    double energyMwh;
    int meters;
    long readings;
  }

  /** One meter-hour, kept for the table of the largest values. */
  static final class MeterHourValue {
    final String meter;
    final long hourStartMillis;
    final double energyMwh;
    final long readings;

    MeterHourValue(String meter, long hourStartMillis, double energyMwh, long readings) {
      this.meter = meter;
      this.hourStartMillis = hourStartMillis;
      this.energyMwh = energyMwh;
      this.readings = readings;
    }
  }

  private final Map<String, MeterTally> meters = new HashMap<>();
  private final Map<Long, HourTotal> hours = new HashMap<>();
  private final EnergyHistogram histogram = new EnergyHistogram();
  private final PriorityQueue<MeterHourValue> largest =
      new PriorityQueue<>(Comparator.comparingDouble(v -> v.energyMwh));
  private long rows;
  private long firstHour = Long.MAX_VALUE;
  private long lastHour = Long.MIN_VALUE;

  @Override
  public void row(String meter, long hourStartMillis, double energyMwh, long readings, int resets) {
    rows++;
    long hour = Math.floorDiv(hourStartMillis, HOUR_MILLIS);
    firstHour = Math.min(firstHour, hour);
    lastHour = Math.max(lastHour, hour);
    HourTotal total = hours.computeIfAbsent(hour, h -> new HourTotal());
    total.energyMwh += energyMwh;
    MeterTally tally = meters.computeIfAbsent(meter, MeterTally::new);
    if (readings == 0) {
      // an estimated gap hour: part of the load, but the meter did not report in it
      tally.addEstimated(energyMwh);
    } else {
      total.meters++;
      total.readings += readings;
      tally.add((int) Math.floorDiv(hour, 24), readings, energyMwh, resets);
    }
    histogram.add(energyMwh);
    if (largest.size() < LARGEST || energyMwh > largest.peek().energyMwh) {
      largest.add(new MeterHourValue(meter, hour * HOUR_MILLIS, energyMwh, readings));
      if (largest.size() > LARGEST) {
        largest.poll();
      }
    }
  }

  long rows() {
    return rows;
  }

  boolean isEmpty() {
    return rows == 0;
  }

  /** The first hour with data, in hours since the epoch. */
  long firstHour() {
    return firstHour;
  }

  long lastHour() {
    return lastHour;
  }

  /** The totals of an hour (hours since the epoch), or null when no meter has a row in it. */
  HourTotal hour(long hour) {
    return hours.get(hour);
  }

  /** The UTC days (days since the epoch) with at least one row. */
  SortedSet<Integer> daysWithData() {
    SortedSet<Integer> days = new TreeSet<>();
    for (long hour : hours.keySet()) {
      days.add((int) Math.floorDiv(hour, 24));
    }
    return days;
  }

  Collection<MeterTally> meters() {
    return meters.values();
  }

  EnergyHistogram histogram() {
    return histogram;
  }

  /** The largest hourly values, largest first. */
  List<MeterHourValue> largest() {
    List<MeterHourValue> out = new ArrayList<>(largest);
    out.sort(
        Comparator.comparingDouble((MeterHourValue v) -> v.energyMwh)
            .reversed()
            .thenComparing(v -> v.meter));
    return out;
  }
}
