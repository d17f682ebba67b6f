package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.aggregate.HourlyEnergyCalculator;
import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.MeterHour;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges new hourly accumulators of one meter into its rows read from the table, and recomputes
 * exactly the rows whose values change: the hours with new readings, and the nearest hour with data
 * before and after each of them (their interpolation now reaches a different anchor).
 *
 * <p>A row keeps the anchors its energy was interpolated from, so a recomputed row needs only its
 * neighbours' anchors: from a row read or merged here when that is the nearer one, else from its
 * own stored anchor (the neighbour is unchanged and need not be read, however far away). The merge
 * reads, for every day with new readings, that day and the meter's previous and next day with data,
 * which holds every row to recompute. Each row is then computed by {@link
 * HourlyEnergyCalculator#row} from the same inputs a plain run over all the files would use, so it
 * is bit-identical to that run's row.
 *
 * <p>In a table with the estimated hours of gaps, a merged meter's estimated rows on the days read
 * are made anew: after each measured row up to its next reading, and before the first one back to
 * its previous reading (a row outside the days read), each with {@link
 * HourlyEnergyCalculator#gapHourEnergy}, as a plain run makes them. The merge reads, for such a
 * table, every day between a new day's neighbours with data, so no day keeps stale estimates.
 */
public final class MergeMeterHours {
  private MergeMeterHours() {}

  /** The rows of one meter after a merge, and how many of them were (re)computed. */
  public static final class Result {
    public final List<TableHour> rows;
    public final int recomputed;
    public final int resetsInRecomputed;
    public final int estimated;

    Result(List<TableHour> rows, int recomputed, int resetsInRecomputed, int estimated) {
      this.rows = rows;
      this.recomputed = recomputed;
      this.resetsInRecomputed = resetsInRecomputed;
      this.estimated = estimated;
    }
  }

  private static final class Hour {
    TableHour existing;
    HourlyAccumulator accumulator;
    boolean touched;
  }

  /**
   * {@code existing}: the meter's rows of the days read; {@code added}: its new accumulators.
   * Returns every row of {@code existing} and {@code added}, recomputed where needed.
   */
  public static Result merge(String meter, List<TableHour> existing, List<MeterHour> added) {
    return merge(meter, existing, added, null);
  }

  /**
   * As {@link #merge(String, List, List)}, for a table with estimated gap hours when {@code
   * daysRead} is not null: the meter's estimated rows are made anew on those days (UTC epoch days,
   * every day the merge read and rewrites), and its estimated rows read are dropped.
   */
  public static Result merge(
      String meter, List<TableHour> existing, List<MeterHour> added, Set<Integer> daysRead) {
    TreeMap<Long, Hour> hours = new TreeMap<>();
    for (TableHour row : existing) {
      if (row.isEstimated()) {
        if (daysRead == null) {
          throw new IllegalStateException(
              "an estimated row of " + meter + " in a table without estimated hours");
        }
        continue;
      }
      Hour h = hours.computeIfAbsent(row.hourStart(), k -> new Hour());
      if (h.existing != null) {
        throw new IllegalStateException(
            "the table holds " + meter + " at " + row.hourStart() + " twice");
      }
      h.existing = row;
      h.accumulator = row.accumulator();
    }
    for (MeterHour m : added) {
      Hour h = hours.computeIfAbsent(m.hourStart(), k -> new Hour());
      HourlyAccumulator merged = new HourlyAccumulator();
      if (h.accumulator != null) {
        merged.merge(h.accumulator);
      }
      merged.merge(m.accumulator());
      h.accumulator = merged;
      h.touched = true;
    }
    List<TableHour> rows = new ArrayList<>(hours.size());
    int recomputed = 0;
    int resets = 0;
    for (Map.Entry<Long, Hour> e : hours.entrySet()) {
      long hour = e.getKey();
      Hour h = e.getValue();
      if (!h.touched && !nextToTouched(hours, hour)) {
        rows.add(h.existing);
        continue;
      }
      Anchor prev = prevAnchor(hours, hour, h);
      Anchor next = nextAnchor(hours, hour, h);
      HourlyMeterStats stats = HourlyEnergyCalculator.row(meter, hour, h.accumulator, prev, next);
      rows.add(
          new TableHour(
              meter, hour, h.accumulator, prev, next, stats.energyMwh(), stats.registerResets()));
      recomputed++;
      resets += stats.registerResets();
    }
    if (daysRead == null) {
      return new Result(rows, recomputed, resets, 0);
    }
    List<TableHour> gaps = gapRows(meter, rows, daysRead);
    rows.addAll(gaps);
    rows.sort(Comparator.comparingLong(TableHour::hourStart));
    return new Result(rows, recomputed, resets, gaps.size());
  }

  /**
   * The estimated rows on {@code days} of a meter's gaps: after each measured row (in time order)
   * up to its next reading, and before the first one from its previous reading.
   */
  static List<TableHour> gapRows(String meter, List<TableHour> measured, Collection<Integer> days) {
    List<TableHour> gaps = new ArrayList<>();
    if (measured.isEmpty()) {
      return gaps;
    }
    TableHour first = measured.get(0);
    if (first.prev() != null) {
      addGap(
          meter, first.prev(), Anchor.firstOf(first.accumulator()), first.hourStart(), days, gaps);
    }
    for (TableHour row : measured) {
      if (row.next() != null) {
        addGap(
            meter,
            Anchor.lastOf(row.accumulator()),
            row.next(),
            Hours.hourStart(row.next().timeMillis()),
            days,
            gaps);
      }
    }
    return gaps;
  }

  /**
   * The hours strictly between {@code last}'s hour and {@code untilHour} that lie on {@code days}.
   */
  private static void addGap(
      String meter,
      Anchor last,
      Anchor next,
      long untilHour,
      Collection<Integer> days,
      List<TableHour> out) {
    double energy = HourlyEnergyCalculator.gapHourEnergy(last, next);
    for (long h = Hours.hourStart(last.timeMillis()) + Hours.HOUR_MILLIS;
        h < untilHour;
        h += Hours.HOUR_MILLIS) {
      int day = Hours.epochDay(h);
      if (!days.contains(day)) {
        h = Math.max(h, (day + 1) * Hours.DAY_MILLIS - Hours.HOUR_MILLIS); // skip to the next day
        continue;
      }
      out.add(TableHour.estimated(meter, h, last, next, energy));
    }
  }

  private static boolean nextToTouched(TreeMap<Long, Hour> hours, long hour) {
    Map.Entry<Long, Hour> before = hours.lowerEntry(hour);
    Map.Entry<Long, Hour> after = hours.higherEntry(hour);
    return (before != null && before.getValue().touched)
        || (after != null && after.getValue().touched);
  }

  /**
   * The nearer of the hour read or merged just before and the row's own stored anchor: the stored
   * one stands for a neighbour that was not read because it did not change.
   */
  private static Anchor prevAnchor(TreeMap<Long, Hour> hours, long hour, Hour h) {
    Map.Entry<Long, Hour> before = hours.lowerEntry(hour);
    Anchor stored = h.existing == null ? null : h.existing.prev();
    if (before != null
        && (stored == null || before.getKey() >= Hours.hourStart(stored.timeMillis()))) {
      return Anchor.lastOf(before.getValue().accumulator);
    }
    return stored;
  }

  private static Anchor nextAnchor(TreeMap<Long, Hour> hours, long hour, Hour h) {
    Map.Entry<Long, Hour> after = hours.higherEntry(hour);
    Anchor stored = h.existing == null ? null : h.existing.next();
    if (after != null
        && (stored == null || after.getKey() <= Hours.hourStart(stored.timeMillis()))) {
      return Anchor.firstOf(after.getValue().accumulator);
    }
    return stored;
  }
}
