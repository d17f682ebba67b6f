package io.github.eec.pipeline.aggregate;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.MeterHour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/** Hand-computed cases of the energy rule in README.md ("Metric rules"). */
public class HourlyEnergyCalculatorTest {
  private static final long HOUR = Hours.HOUR_MILLIS;

  /** Builds per-hour accumulators from (time, energy) readings with power 1. */
  private static final class Meter {
    final Map<Long, HourlyAccumulator> hours = new LinkedHashMap<>();

    Meter at(String isoTime, double energy) {
      long t = Instant.parse(isoTime).toEpochMilli();
      hours
          .computeIfAbsent(Math.floorDiv(t, HOUR) * HOUR, h -> new HourlyAccumulator())
          .add(t, energy, 1.0);
      return this;
    }

    List<HourlyMeterStats> rows() {
      List<MeterHour> list = new ArrayList<>();
      hours.forEach((h, a) -> list.add(new MeterHour(h, a)));
      Collections.reverse(list); // order of arrival must not matter
      return HourlyEnergyCalculator.compute("A", list);
    }
  }

  private static void assertRow(HourlyMeterStats row, String start, double energy, int resets) {
    assertEquals(Instant.parse(start).toEpochMilli(), row.windowStart());
    assertEquals(row.windowStart() + HOUR, row.windowEnd());
    assertEquals("energy of hour " + start, energy, row.energyMwh(), 1e-9);
    assertEquals("resets of hour " + start, resets, row.registerResets());
  }

  private static Meter workedExample(double lastEnergy) {
    return new Meter()
        .at("2024-03-01T13:45:00Z", 1000)
        .at("2024-03-01T14:00:00Z", 1100)
        .at("2024-03-01T14:15:00Z", 1350)
        .at("2024-03-01T14:30:00Z", 1600)
        .at("2024-03-01T14:45:00Z", 2000)
        .at("2024-03-01T15:10:00Z", lastEnergy);
  }

  @Test
  public void readmeWorkedExample() {
    List<HourlyMeterStats> rows = workedExample(2500).rows();
    assertEquals(3, rows.size());
    assertRow(
        rows.get(0), "2024-03-01T13:00:00Z", 100, 0); // first hour: starts at its first reading
    assertRow(rows.get(1), "2024-03-01T14:00:00Z", 1200, 0); // 900 inside + 500 * 15/25
    assertRow(rows.get(2), "2024-03-01T15:00:00Z", 200, 0); // last hour: 500 * 10/25, ends at 15:10
    assertEquals(4, rows.get(1).readings());
  }

  @Test
  public void resetAcrossABoundaryRestartsFromZero() {
    List<HourlyMeterStats> rows = workedExample(40).rows();
    assertRow(rows.get(0), "2024-03-01T13:00:00Z", 100, 0);
    assertRow(rows.get(1), "2024-03-01T14:00:00Z", 924, 0); // 900 + 40 * 15/25
    assertRow(rows.get(2), "2024-03-01T15:00:00Z", 16, 1); // 40 * 10/25, the reset counted here
  }

  @Test
  public void resetInsideAnHour() {
    List<HourlyMeterStats> rows =
        new Meter().at("2024-03-01T14:10:00Z", 500).at("2024-03-01T14:50:00Z", 20).rows();
    assertRow(rows.get(0), "2024-03-01T14:00:00Z", 20, 1);
  }

  @Test
  public void readingsExactlyOnBoundaries() {
    List<HourlyMeterStats> rows =
        new Meter()
            .at("2024-03-01T14:00:00Z", 100)
            .at("2024-03-01T15:00:00Z", 200)
            .at("2024-03-01T16:00:00Z", 300)
            .rows();
    assertRow(rows.get(0), "2024-03-01T14:00:00Z", 100, 0); // E(15:00) - E(14:00)
    assertRow(rows.get(1), "2024-03-01T15:00:00Z", 100, 0);
    assertRow(rows.get(2), "2024-03-01T16:00:00Z", 0, 0); // last reading at the hour's start
  }

  @Test
  public void gapOfSeveralHoursIsInterpolatedAcross() {
    List<HourlyMeterStats> rows =
        new Meter().at("2024-03-01T10:30:00Z", 0).at("2024-03-01T13:30:00Z", 300).rows();
    assertEquals(2, rows.size()); // hours 11 and 12 have no reading, so no row
    assertRow(rows.get(0), "2024-03-01T10:00:00Z", 50, 0); // 300 * 30/180
    assertRow(rows.get(1), "2024-03-01T13:00:00Z", 50, 0);
  }

  @Test
  public void singleReadingMeterConsumesNothing() {
    List<HourlyMeterStats> rows = new Meter().at("2024-03-01T10:30:00Z", 77).rows();
    assertRow(rows.get(0), "2024-03-01T10:00:00Z", 0, 0);
  }

  @Test
  public void sparseQuarterHourReadingsOffTheBoundaries() {
    // 10:07 (0), 10:52 (450), 11:07 (600), 11:52 (1050): a steady 10 mWh per minute.
    List<HourlyMeterStats> rows =
        new Meter()
            .at("2024-03-01T10:07:00Z", 0)
            .at("2024-03-01T10:52:00Z", 450)
            .at("2024-03-01T11:07:00Z", 600)
            .at("2024-03-01T11:52:00Z", 1050)
            .rows();
    assertRow(rows.get(0), "2024-03-01T10:00:00Z", 530, 0); // 10:07 -> 11:00 is 53 minutes
    assertRow(rows.get(1), "2024-03-01T11:00:00Z", 520, 0); // 11:00 -> 11:52 is 52 minutes
  }

  /** Without gaps or resets, the hours add up to the meter's whole register increase. */
  @Test
  public void hoursAddUpToTheRegisterIncrease() {
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      Map<Long, HourlyAccumulator> hours = new LinkedHashMap<>();
      long t = 1_700_000_000_000L + random.nextInt(3_600_000);
      double e = random.nextDouble() * 1e8;
      double first = e;
      for (int i = 0; i < 500; i++) {
        hours
            .computeIfAbsent(Math.floorDiv(t, HOUR) * HOUR, h -> new HourlyAccumulator())
            .add(t, e, 1);
        t += 1 + random.nextInt(20 * 60_000); // < 1 hour steps: no hour without a reading
        e += random.nextDouble() * 1000;
      }
      List<MeterHour> list = new ArrayList<>();
      hours.forEach((h, a) -> list.add(new MeterHour(h, a)));
      double total = 0;
      double lastAdded = 0;
      for (HourlyMeterStats row : HourlyEnergyCalculator.compute("A", list)) {
        total += row.energyMwh();
      }
      for (MeterHour h : list) {
        lastAdded = Math.max(lastAdded, h.accumulator().lastEnergy());
      }
      assertEquals(lastAdded - first, total, 1e-6 * Math.max(1, lastAdded - first));
    }
  }
}
