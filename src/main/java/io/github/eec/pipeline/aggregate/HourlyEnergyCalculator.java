package io.github.eec.pipeline.aggregate;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.MeterHour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The energy rule of README.md ("Metric rules") over one meter's hours: the consumption curve runs
 * linearly between consecutive anchors (each hour's first and last reading), a register decrease is
 * a restart from zero, and each hour gets the part of the curve that falls inside it.
 */
public final class HourlyEnergyCalculator {
  private HourlyEnergyCalculator() {}

  /** Rows for every hour of one meter with readings; {@code hours} may be in any order. */
  public static List<HourlyMeterStats> compute(String meter, List<MeterHour> hours) {
    return compute(meter, hours, false);
  }

  /**
   * Rows for every hour of one meter with readings, in time order, and with {@code withGaps} also
   * an estimated row for every hour without readings between its first and last reading: its share
   * of the consumption between the readings around the gap, so that the rows' energies add up to
   * the meter's whole consumption.
   */
  public static List<HourlyMeterStats> compute(
      String meter, List<MeterHour> hours, boolean withGaps) {
    List<MeterHour> sorted = mergeSameHour(hours);
    List<HourlyMeterStats> rows = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Anchor prev = i > 0 ? Anchor.lastOf(sorted.get(i - 1).accumulator()) : null;
      Anchor next = i + 1 < sorted.size() ? Anchor.firstOf(sorted.get(i + 1).accumulator()) : null;
      MeterHour hour = sorted.get(i);
      rows.add(row(meter, hour.hourStart(), hour.accumulator(), prev, next));
      if (withGaps && next != null) {
        double perHour = gapHourEnergy(Anchor.lastOf(hour.accumulator()), next);
        for (long gap = hour.hourStart() + Hours.HOUR_MILLIS;
            gap < sorted.get(i + 1).hourStart();
            gap += Hours.HOUR_MILLIS) {
          rows.add(HourlyMeterStats.estimated(meter, gap, gap + Hours.HOUR_MILLIS, perHour));
        }
      }
    }
    return rows;
  }

  /**
   * The row of one meter-hour from its accumulator and the anchors around it: {@code prev} the last
   * reading of the meter's previous hour with data, {@code next} the first reading of its next one
   * (null where the meter has none). The one computation of every row, in a plain run and a merge.
   */
  public static HourlyMeterStats row(
      String meter, long hourStart, HourlyAccumulator a, Anchor prev, Anchor next) {
    long start = hourStart;
    long end = start + Hours.HOUR_MILLIS;
    int resets = 0;
    double energy = 0.0;
    if (prev != null) {
      if (a.firstEnergy() < prev.energyMwh()) {
        resets++;
      }
      if (a.firstTime() > start) {
        energy +=
            share(
                prev.timeMillis(),
                prev.energyMwh(),
                a.firstTime(),
                a.firstEnergy(),
                a.firstTime() - start);
      }
    }
    if (a.lastEnergy() < a.firstEnergy()) {
      resets++;
    }
    energy += consumption(a.firstEnergy(), a.lastEnergy());
    if (next != null) {
      energy +=
          share(
              a.lastTime(),
              a.lastEnergy(),
              next.timeMillis(),
              next.energyMwh(),
              end - a.lastTime());
    }
    return new HourlyMeterStats(
        meter, start, end, energy, a.powerMin(), a.powerMax(), a.powerMean(), a.count(), resets);
  }

  /**
   * The energy of each hour without readings between two readings of a meter, {@code last} before
   * the gap and {@code next} after it: the hour's share of the consumption between them.
   */
  public static double gapHourEnergy(Anchor last, Anchor next) {
    return share(
        last.timeMillis(),
        last.energyMwh(),
        next.timeMillis(),
        next.energyMwh(),
        Hours.HOUR_MILLIS);
  }

  /** Consumption from register {@code from} to register {@code to}; a decrease restarts at zero. */
  static double consumption(double from, double to) {
    return to >= from ? to - from : to;
  }

  /** The part of the consumption between two anchors that falls in {@code millis} of their span. */
  private static double share(long t0, double e0, long t1, double e1, long millis) {
    return consumption(e0, e1) * ((double) millis / (double) (t1 - t0));
  }

  /** Sorts by hour and merges accumulators of the same hour (never expected, but never lost). */
  private static List<MeterHour> mergeSameHour(List<MeterHour> hours) {
    List<MeterHour> sorted = new ArrayList<>(hours);
    sorted.sort(Comparator.comparingLong(MeterHour::hourStart));
    List<MeterHour> merged = new ArrayList<>(sorted.size());
    for (MeterHour h : sorted) {
      MeterHour last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.hourStart() == h.hourStart()) {
        HourlyAccumulator combined = new HourlyAccumulator();
        combined.merge(last.accumulator());
        combined.merge(h.accumulator());
        merged.set(merged.size() - 1, new MeterHour(h.hourStart(), combined));
      } else {
        merged.add(h);
      }
    }
    return merged;
  }
}
