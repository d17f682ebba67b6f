package io.github.eec.pipeline.merge;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.aggregate.HourlyEnergyCalculator;
import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.MeterHour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * The per-meter merge, by hand: which rows change, and that they equal a computation over
 * everything.
 */
public class MergeMeterHoursTest {
  private static final long HOUR = 3_600_000L;
  private static final long H13 = Instant.parse("2024-03-01T13:00:00Z").toEpochMilli();

  private static MeterHour hour(long start, long... minuteEnergyPower) {
    HourlyAccumulator a = new HourlyAccumulator();
    for (int i = 0; i < minuteEnergyPower.length; i += 3) {
      a.add(
          start + minuteEnergyPower[i] * 60_000,
          minuteEnergyPower[i + 1],
          minuteEnergyPower[i + 2]);
    }
    return new MeterHour(start, a);
  }

  /** The table rows of a plain run over {@code hours}, with their anchors. */
  private static List<TableHour> table(List<MeterHour> hours) {
    return MergeMeterHours.merge("A", List.of(), hours).rows;
  }

  @Test
  public void theReadmeExampleSplitIntoTwoMergesGivesTheReadmeNumbers() {
    // README "Worked example": 13:45, 14:00 ... 14:45 in the first file, 15:10 in the second.
    List<TableHour> first =
        table(
            List.of(
                hour(H13, 45, 1000, 300),
                hour(H13 + HOUR, 0, 1100, 400, 15, 1350, 1000, 30, 1600, 1000, 45, 2000, 1600)));
    assertEquals(100.0, first.get(0).energyMwh(), 0);
    assertEquals(900.0, first.get(1).energyMwh(), 0); // the meter's last hour so far: ends at 14:45
    assertNull(first.get(1).next());

    MergeMeterHours.Result second =
        MergeMeterHours.merge(
            "A", first.subList(1, 2), List.of(hour(H13 + 2 * HOUR, 10, 2500, 1200)));
    // 14:00 gets its end share, 15:00 is new; 13:00 was not read and not needed.
    assertEquals(2, second.recomputed);
    assertEquals(1200.0, second.rows.get(0).energyMwh(), 0);
    assertEquals(new Anchor(H13 + 2 * HOUR + 600_000, 2500), second.rows.get(0).next());
    assertEquals(200.0, second.rows.get(1).energyMwh(), 0);
    assertEquals(new Anchor(H13 + HOUR + 45 * 60_000, 2000), second.rows.get(1).prev());
  }

  @Test
  public void aLateHourInAGapChangesOnlyItsTwoNeighbours() {
    List<MeterHour> all = new ArrayList<>();
    for (int h = 0; h < 6; h++) {
      if (h != 3) {
        all.add(hour(H13 + h * HOUR, 5, 1000 + 100 * h, 10, 50, 1050 + 100 * h, 20));
      }
    }
    List<TableHour> before = table(all);
    MeterHour late = hour(H13 + 3 * HOUR, 20, 1333, 30);
    MergeMeterHours.Result merged = MergeMeterHours.merge("A", before, List.of(late));
    assertEquals(3, merged.recomputed); // hours 2, 3 (new) and 4
    for (int i : new int[] {0, 1, 4}) {
      assertEquals(before.get(i), merged.rows.get(i == 4 ? 5 : i));
    }
    List<MeterHour> everything = new ArrayList<>(all);
    everything.add(late);
    List<HourlyMeterStats> expected = HourlyEnergyCalculator.compute("A", everything);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), merged.rows.get(i).stats());
    }
  }

  @Test
  public void aNeighbourNotReadIsTakenFromTheStoredAnchor() {
    // Hours 0..4; the merge reads only hours 3 and 4 (as if hour 2 lay in a day not read) and adds
    // readings to hour 4: hour 3 keeps its stored previous anchor (hour 2's last reading).
    List<MeterHour> all = new ArrayList<>();
    for (int h = 0; h < 5; h++) {
      all.add(hour(H13 + h * HOUR, 10, 1000 + 100 * h, 5, 40, 1040 + 100 * h, 7));
    }
    List<TableHour> before = table(all);
    MeterHour more = hour(H13 + 4 * HOUR, 55, 1499, 9);
    MergeMeterHours.Result merged = MergeMeterHours.merge("A", before.subList(3, 5), List.of(more));
    assertEquals(2, merged.recomputed);
    List<MeterHour> everything = new ArrayList<>(all);
    everything.add(more);
    List<HourlyMeterStats> expected = HourlyEnergyCalculator.compute("A", everything);
    assertEquals(expected.get(3), merged.rows.get(0).stats());
    assertEquals(expected.get(4), merged.rows.get(1).stats());
    assertEquals(before.get(3).prev(), merged.rows.get(0).prev());
  }

  @Test
  public void aResetAcrossTheBoundaryIsCountedOnceInTheLaterHour() {
    List<TableHour> before = table(List.of(hour(H13, 30, 5000, 1, 50, 5100, 1)));
    MergeMeterHours.Result merged =
        MergeMeterHours.merge("A", before, List.of(hour(H13 + HOUR, 10, 40, 1)));
    assertEquals(0, merged.rows.get(0).registerResets());
    assertEquals(1, merged.rows.get(1).registerResets());
    assertEquals(1, merged.resetsInRecomputed);
    // 5100 -> 40 restarts from zero: 40 over 20 min, 10 of them before 14:00.
    assertEquals(100 + 20.0, merged.rows.get(0).energyMwh(), 1e-9);
  }

  private static final long DAY = 24 * HOUR;
  private static final long D0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

  private static int day(long millis) {
    return (int) Math.floorDiv(millis, DAY);
  }

  private static List<HourlyMeterStats> onDays(List<HourlyMeterStats> rows, Set<Integer> days) {
    return rows.stream()
        .filter(r -> days.contains(day(r.windowStart())))
        .collect(Collectors.toList());
  }

  private static List<HourlyMeterStats> stats(List<TableHour> rows) {
    return rows.stream().map(TableHour::stats).collect(Collectors.toList());
  }

  @Test
  public void gapHoursAreMadeAnewOnTheDaysReadAsAPlainRunMakesThem() {
    // Data on day 0 (20:00-23:00) and day 3 (02:00): a gap over days 1 and 2.
    List<MeterHour> all = new ArrayList<>();
    for (int h = 20; h < 24; h++) {
      all.add(hour(D0 + h * HOUR, 5, 1000 + 100 * h, 10, 50, 1050 + 100 * h, 20));
    }
    all.add(hour(D0 + 3 * DAY + 2 * HOUR, 30, 9000, 40));
    Set<Integer> fourDays = Set.of(day(D0), day(D0) + 1, day(D0) + 2, day(D0) + 3);
    List<TableHour> table = MergeMeterHours.merge("A", List.of(), all, fourDays).rows;
    assertEquals(HourlyEnergyCalculator.compute("A", all, true), stats(table));
    assertEquals(4 + 48 + 2 + 1, table.size()); // 4 measured, 50 estimated to day 3 02:00, 1
    assertTrue(table.get(10).isEstimated());

    // A late hour inside the gap, on day 2: the days from neighbour to neighbour are read.
    MeterHour late = hour(D0 + 2 * DAY + 12 * HOUR, 15, 6000, 33);
    MergeMeterHours.Result merged = MergeMeterHours.merge("A", table, List.of(late), fourDays);
    List<MeterHour> everything = new ArrayList<>(all);
    everything.add(late);
    assertEquals(HourlyEnergyCalculator.compute("A", everything, true), stats(merged.rows));
    assertEquals(merged.rows.size() - 6, merged.estimated);

    // Only day 3 read (more readings in its 02:00 hour): its two estimated hours before 02:00 come
    // from the first row's stored previous reading, the day-0 hour that was not read.
    Set<Integer> day3 = Set.of(day(D0) + 3);
    List<TableHour> read =
        table.stream().filter(t -> day(t.hourStart()) == day(D0) + 3).collect(Collectors.toList());
    MeterHour more = hour(D0 + 3 * DAY + 2 * HOUR, 50, 9100, 41);
    MergeMeterHours.Result partial = MergeMeterHours.merge("A", read, List.of(more), day3);
    List<MeterHour> withMore = new ArrayList<>(all);
    withMore.add(more);
    assertEquals(
        onDays(HourlyEnergyCalculator.compute("A", withMore, true), day3), stats(partial.rows));
    assertEquals(2, partial.estimated);
  }
}
