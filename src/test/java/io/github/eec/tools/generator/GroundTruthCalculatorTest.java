package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

/** The README's metric rules on hand-computed cases, starting with its worked example. */
public class GroundTruthCalculatorTest {
  private static final String DAY = "2024-02-28T";
  private static final long H13 = t("13:00");
  private static final long H14 = t("14:00");
  private static final long H15 = t("15:00");

  private static long t(String hhmm) {
    return Instant.parse(DAY + hhmm + ":00Z").toEpochMilli();
  }

  private static PrintedReading r(String hhmm, double energy, double power) {
    return new PrintedReading("A", t(hhmm), energy, power);
  }

  /** The README's table: meter A every 15 minutes. */
  private static List<PrintedReading> workedExample(double energyAt1510) {
    return List.of(
        r("13:45", 1000, 300),
        r("14:00", 1100, 400),
        r("14:15", 1350, 1000),
        r("14:30", 1600, 1000),
        r("14:45", 2000, 1600),
        r("15:10", energyAt1510, 1200));
  }

  private static ExpectedHour row(
      long start, double energy, double min, double max, double mean, long n, int resets) {
    return new ExpectedHour("A", start, start + 3_600_000L, energy, min, max, mean, n, resets);
  }

  @Test
  public void readmeWorkedExample() {
    List<ExpectedHour> rows = GroundTruthCalculator.hourly(workedExample(2500));
    assertEquals(
        List.of(
            row(H13, 100, 300, 300, 300, 1, 0),
            row(H14, 1200, 400, 1600, 1000, 4, 0),
            row(H15, 200, 1200, 1200, 1200, 1, 0)),
        rows);
    assertEquals(2500 - 1000, rows.stream().mapToDouble(ExpectedHour::energyMwh).sum(), 0);
  }

  @Test
  public void readmeWorkedExampleWithReset() {
    List<ExpectedHour> rows = GroundTruthCalculator.hourly(workedExample(40));
    assertEquals(
        List.of(
            row(H13, 100, 300, 300, 300, 1, 0),
            row(H14, 924, 400, 1600, 1000, 4, 0),
            row(H15, 16, 1200, 1200, 1200, 1, 1)),
        rows);
  }

  @Test
  public void inputOrderDoesNotMatter() {
    List<PrintedReading> shuffled = new ArrayList<>(workedExample(2500));
    Collections.reverse(shuffled);
    assertEquals(
        GroundTruthCalculator.hourly(workedExample(2500)), GroundTruthCalculator.hourly(shuffled));
  }

  @Test
  public void gapHoursGetNoRowsAndShareTheAnchorsAcrossTheGap() {
    // 10:30 → 13:30 consumed 300 over 180 minutes; hours 11 and 12 have no readings.
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(List.of(r("10:30", 0, 5), r("13:30", 300, 5)));
    assertEquals(2, rows.size());
    assertEquals(t("10:00"), rows.get(0).windowStart());
    assertEquals(50, rows.get(0).energyMwh(), 0);
    assertEquals(t("13:00"), rows.get(1).windowStart());
    assertEquals(50, rows.get(1).energyMwh(), 0);
  }

  @Test
  public void nextAnchorExactlyAtTheHourEnd() {
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(List.of(r("10:30", 0, 5), r("11:00", 60, 5)));
    assertEquals(60, rows.get(0).energyMwh(), 0);
    assertEquals(t("11:00"), rows.get(1).windowStart());
    assertEquals(
        0, rows.get(1).energyMwh(), 0); // first reading exactly at h: nothing before it counts
  }

  @Test
  public void equalTimesSmallerEnergyFirstLargerLast() {
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(
            List.of(r("11:30", 200, 1), r("10:00", 110, 2), r("10:00", 100, 3)));
    // Hour 10: inside 110 - 100 = 10, end share (200 - 110) × 60/90 = 60; no reset.
    assertEquals(row(t("10:00"), 70, 2, 3, 2.5, 2, 0), rows.get(0));
    // Hour 11: start share 90 × 30/90 = 30.
    assertEquals(row(t("11:00"), 30, 1, 1, 1, 1, 0), rows.get(1));
  }

  @Test
  public void resetInsideTheHourCountsOnceThere() {
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(
            List.of(r("10:00", 1000, 1), r("10:20", 5, 1), r("10:40", 50, 1)));
    assertEquals(row(t("10:00"), 50, 1, 1, 1, 3, 1), rows.get(0));
  }

  @Test
  public void resetAtExactlyTheHourCountsInTheLaterHour() {
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(List.of(r("10:50", 1000, 1), r("11:00", 40, 1)));
    assertEquals(row(t("10:00"), 40, 1, 1, 1, 1, 0), rows.get(0));
    assertEquals(row(t("11:00"), 0, 1, 1, 1, 1, 1), rows.get(1));
  }

  @Test
  public void duplicatesCountAsReadings() {
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(
            List.of(r("10:10", 100, 10), r("10:10", 100, 10), r("10:40", 130, 40)));
    assertEquals(row(t("10:00"), 30, 10, 40, 20, 3, 0), rows.get(0));
  }

  @Test
  public void singleReadingHasNoEnergy() {
    assertEquals(
        List.of(row(t("10:00"), 0, 7, 7, 7, 1, 0)),
        GroundTruthCalculator.hourly(List.of(r("10:10", 100, 7))));
  }

  @Test
  public void meanIsTheExactSumRoundedOnceThenDivided() {
    List<ExpectedHour> rows =
        GroundTruthCalculator.hourly(
            List.of(r("10:00", 1, 0.1), r("10:01", 2, 0.2), r("10:02", 3, 0.3)));
    double naive = (0.1 + 0.2 + 0.3) / 3;
    assertEquals(0.6 / 3, rows.get(0).powerMeanMw(), 0);
    assertNotEquals(naive, rows.get(0).powerMeanMw(), 0);
  }
}
