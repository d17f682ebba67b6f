package io.github.eec.pipeline.report;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** Readings against each meter's usual rate, per day, and the gathering of the hourly rows. */
public class CoverageTest {
  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long START = 19_783 * DAY; // 2024-03-01

  /** A meter of {@code perHour} readings in each hour of [from, to), with {@code skip} left out. */
  private static void meter(HourlyTally t, String id, int perHour, int from, int to, int... skip) {
    for (int h = from; h < to; h++) {
      boolean skipped = false;
      for (int s : skip) {
        skipped |= s == h;
      }
      if (!skipped) {
        t.row(id, START + h * HOUR, 1e6, perHour, 0);
      }
    }
  }

  @Test
  public void aCompleteMeterIsAtOneHundredPercentEveryDay() {
    HourlyTally t = new HourlyTally();
    meter(t, "A", 4, 0, 48);
    Coverage c = Coverage.of(t, false);
    assertEquals(List.of(19_783, 19_784), c.days());
    Coverage.MeterCoverage a = c.meters().get(0);
    assertEquals(4, a.usualRate);
    assertEquals(0, a.missingHours);
    assertEquals(1.0, a.byDay[0], 0);
    assertEquals(1.0, a.byDay[1], 0);
    assertEquals(1.0, c.allMeters(0), 0);
  }

  @Test
  public void gapsCountAsMissingHoursAndTheWorstMeterComesFirst() {
    HourlyTally t = new HourlyTally();
    meter(t, "A", 4, 0, 48);
    meter(t, "B", 4, 0, 48, 30, 31, 32, 33, 34, 35); // 6 hours out on day 2
    meter(t, "C", 4, 0, 24); // stopped after day 1
    Coverage c = Coverage.of(t, false);
    assertEquals("C", c.meters().get(0).meter.meter());
    assertEquals(24, c.meters().get(0).missingHours);
    assertEquals(0.0, c.meters().get(0).byDay[1], 0);
    assertEquals("B", c.meters().get(1).meter.meter());
    assertEquals(6, c.meters().get(1).missingHours);
    assertEquals(18.0 / 24, c.meters().get(1).byDay[1], 1e-12);
    assertEquals("A", c.meters().get(2).meter.meter());
    // All meters on day 2: 24 + 18 + 0 hours of the 72 expected.
    assertEquals(42.0 / 72, c.allMeters(1), 1e-12);
  }

  @Test
  public void estimatedGapHoursAreLoadButStillMissing() {
    HourlyTally withGaps = new HourlyTally();
    meter(withGaps, "B", 4, 0, 48, 30, 31, 32, 33, 34, 35);
    for (int h = 30; h < 36; h++) {
      withGaps.row("B", START + h * HOUR, 2e6, 0, 0); // --fillGaps: readings 0
    }
    HourlyTally without = new HourlyTally();
    meter(without, "B", 4, 0, 48, 30, 31, 32, 33, 34, 35);
    Coverage c = Coverage.of(withGaps, false);
    Coverage.MeterCoverage b = c.meters().get(0);
    assertEquals(4, b.usualRate);
    assertEquals(6, b.missingHours);
    assertEquals(Coverage.of(without, false).meters().get(0).byDay[1], b.byDay[1], 0);
    assertEquals(0, withGaps.hour(START / HOUR + 30).meters);
    assertEquals(2e6, withGaps.hour(START / HOUR + 30).energyMwh, 0);
    assertEquals(42e6 + 12e6, b.meter.energyMwh(), 0);
  }

  @Test
  public void partialFirstAndLastDaysExpectOnlyTheSpansHours() {
    HourlyTally t = new HourlyTally();
    meter(t, "A", 4, 20, 30); // 20:00 on day 1 to 05:00 on day 2
    Coverage c = Coverage.of(t, false);
    assertEquals(4, c.expectedHours(0));
    assertEquals(6, c.expectedHours(1));
    assertEquals(1.0, c.meters().get(0).byDay[0], 0);
    assertEquals(1.0, c.meters().get(0).byDay[1], 0);
  }

  @Test
  public void aMergeCoversOnlyItsOwnDays() {
    HourlyTally t = new HourlyTally();
    meter(t, "A", 4, 0, 24);
    meter(t, "A", 4, 24 * 9, 24 * 10); // ten days later
    assertEquals(10, Coverage.of(t, false).days().size());
    Coverage merge = Coverage.of(t, true);
    assertEquals(List.of(19_783, 19_792), merge.days());
    assertEquals(0, merge.meters().get(0).missingHours);
  }

  @Test
  public void theUsualRateIsTheMedianSoGapsAndDuplicatesDoNotMoveIt() {
    MeterTally m = new MeterTally("A");
    for (int i = 0; i < 10; i++) {
      m.add(0, 4, 1, 0);
    }
    m.add(0, 1, 1, 0); // a gap inside an hour
    m.add(0, 6, 1, 0); // two duplicated lines
    m.add(0, 5, 1, 1);
    assertEquals(4, m.usualRate());
    assertEquals(1, m.hoursBelowUsual());
    assertEquals(3, m.readingsAboveUsual());
    assertEquals(1, m.resets());
    assertEquals(13, m.hours());
  }

  @Test
  public void aFastMetersOneMoreOrLessIsNotAGapNorADuplicate() {
    MeterTally m = new MeterTally("A");
    for (int i = 0; i < 10; i++) {
      m.add(0, 240, 1, 0);
    }
    m.add(0, 239, 1, 0);
    m.add(0, 241, 1, 0);
    m.add(0, 200, 1, 0);
    m.add(0, 243, 1, 0);
    assertEquals(240, m.usualRate());
    assertEquals(1, m.hoursBelowUsual());
    assertEquals(2, m.readingsAboveUsual());
  }

  @Test
  public void theTallyKeepsTotalsPerHourAndTheLargestValues() {
    HourlyTally t = new HourlyTally();
    t.row("A", START, 5e6, 4, 0);
    t.row("B", START, 7e6, 4, 1);
    t.row("A", START + 2 * HOUR, 0, 4, 0);
    for (int i = 0; i < 20; i++) {
      t.row("C" + i, START + HOUR, i, 1, 0);
    }
    assertEquals(23, t.rows());
    assertEquals(12e6, t.hour(START / HOUR).energyMwh, 0);
    assertEquals(2, t.hour(START / HOUR).meters);
    assertEquals(20, t.hour(START / HOUR + 1).meters);
    assertEquals(2, t.histogram().zeros()); // A at 02:00 and C0
    assertEquals("B", t.largest().get(0).meter);
    assertEquals(10, t.largest().size());
  }

  @Test
  public void histogramBinsAreFifthsOfADecade() {
    assertEquals(0, EnergyHistogram.bin(1));
    assertEquals(4, EnergyHistogram.bin(9.99));
    assertEquals(5, EnergyHistogram.bin(10));
    assertEquals(-5, EnergyHistogram.bin(0.1));
    assertEquals(90, EnergyHistogram.bin(1e18));
    EnergyHistogram h = new EnergyHistogram();
    h.add(1);
    h.add(1e3);
    assertEquals(16, h.bins().size()); // the empty bins between are there, for the gap
  }
}
