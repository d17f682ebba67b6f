package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * One row of the merged table: a meter-hour's accumulator, the anchors its energy was interpolated
 * from, and the energy and resets computed from them. Everything else a row shows (min, max, mean,
 * readings, register reads) comes from the accumulator, so a row read back is the row written.
 *
 * <p>An estimated row ({@link #estimated}, in a table made with {@code --fillGaps}) is an hour
 * without readings inside a gap: no accumulator, and as anchors the readings around the gap.
 */
@DefaultCoder(TableHourCoder.class)
public final class TableHour {
  private final String meter;
  private final long hourStart;
  private final HourlyAccumulator accumulator;
  private final Anchor prev;
  private final Anchor next;
  private final double energyMwh;
  private final int registerResets;

  public TableHour(
      String meter,
      long hourStart,
      HourlyAccumulator accumulator,
      Anchor prev,
      Anchor next,
      double energyMwh,
      int registerResets) {
    this.meter = meter;
    this.hourStart = hourStart;
    this.accumulator = accumulator;
    this.prev = prev;
    this.next = next;
    this.energyMwh = energyMwh;
    this.registerResets = registerResets;
  }

  public String meter() {
    return meter;
  }

  public long hourStart() {
    return hourStart;
  }

  /** An hour without readings between {@code prev} and {@code next}, with its share of energy. */
  public static TableHour estimated(
      String meter, long hourStart, Anchor prev, Anchor next, double energyMwh) {
    return new TableHour(meter, hourStart, null, prev, next, energyMwh, 0);
  }

  public boolean isEstimated() {
    return accumulator == null;
  }

  /** The UTC day of the hour (epoch days): the table's partition. */
  public int day() {
    return Hours.epochDay(hourStart);
  }

  /** The hour's readings; null for an estimated row. */
  public HourlyAccumulator accumulator() {
    return accumulator;
  }

  /** The last reading of the meter's previous hour with data, or null. */
  public Anchor prev() {
    return prev;
  }

  /** The first reading of the meter's next hour with data, or null. */
  public Anchor next() {
    return next;
  }

  public double energyMwh() {
    return energyMwh;
  }

  public int registerResets() {
    return registerResets;
  }

  /** The row as a plain run writes it. */
  public HourlyMeterStats stats() {
    HourlyAccumulator a = accumulator;
    if (a == null) {
      return HourlyMeterStats.estimated(meter, hourStart, hourStart + Hours.HOUR_MILLIS, energyMwh);
    }
    return new HourlyMeterStats(
        meter,
        hourStart,
        hourStart + Hours.HOUR_MILLIS,
        energyMwh,
        a.powerMin(),
        a.powerMax(),
        a.powerMean(),
        a.count(),
        registerResets);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TableHour)) {
      return false;
    }
    TableHour t = (TableHour) o;
    return hourStart == t.hourStart
        && Double.compare(energyMwh, t.energyMwh) == 0
        && registerResets == t.registerResets
        && meter.equals(t.meter)
        && Objects.equals(accumulator, t.accumulator)
        && Objects.equals(prev, t.prev)
        && Objects.equals(next, t.next);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, hourStart, energyMwh);
  }

  @Override
  public String toString() {
    return "TableHour{" + stats() + ", prev=" + prev + ", next=" + next + "}";
  }
}
