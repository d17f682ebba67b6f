package io.github.eec.pipeline.rollup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.registry.MeterInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.Test;

/** Local days by hand: the clock changes in Berlin and New York, the date line, gaps, periods. */
public class DailyRollUpTest {
  private static final long HOUR = 3_600_000L;

  /**
   * A measured row per UTC hour from {@code from} (inclusive) to {@code to}, energy = hour index +
   * 1.
   */
  private static List<HourlyMeterStats> hours(String from, String to) {
    List<HourlyMeterStats> rows = new ArrayList<>();
    long start = Instant.parse(from).toEpochMilli();
    long end = Instant.parse(to).toEpochMilli();
    for (long h = start, i = 1; h < end; h += HOUR, i++) {
      rows.add(new HourlyMeterStats("A", h, h + HOUR, i, 10, 20 + i, 15, 4, 0));
    }
    return rows;
  }

  private static MeterInfo in(String zone) {
    return new MeterInfo("north", zone, List.of("residential"));
  }

  private static List<GenericRecord> days(
      List<HourlyMeterStats> rows, MeterInfo info, TouSchedule tou) {
    Schema schema = RollUpSchemas.daily(List.of("tariff"), tou == null ? List.of() : tou.periods());
    return DailyRollUp.days("A", rows, info, tou, schema);
  }

  private static int date(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  @Test
  public void berlinSpringForwardHas23HoursAndFallBack25() {
    // Berlin local 2024-03-31 runs from 2024-03-30T23:00Z to 2024-03-31T22:00Z (CET to CEST).
    List<GenericRecord> spring =
        days(hours("2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z"), in("Europe/Berlin"), null);
    assertEquals(1, spring.size());
    assertEquals(date("2024-03-31"), spring.get(0).get("local_date"));
    assertEquals(23, spring.get(0).get("hours_in_day"));
    assertEquals(23, spring.get(0).get("hours_with_readings"));
    assertEquals(23 * 24 / 2.0, (Double) spring.get(0).get("energy_mwh"), 0); // 1 + 2 + ... + 23
    // Local 2024-10-27: from 2024-10-26T22:00Z to 2024-10-27T23:00Z, 25 hours.
    List<GenericRecord> fall =
        days(hours("2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"), in("Europe/Berlin"), null);
    assertEquals(1, fall.size());
    assertEquals(25, fall.get(0).get("hours_in_day"));
    assertEquals(25 * 26 / 2.0, (Double) fall.get(0).get("energy_mwh"), 0);
    assertEquals(
        Instant.parse("2024-10-27T22:00:00Z").toEpochMilli(), fall.get(0).get("peak_hour_start"));
    assertEquals("north", fall.get(0).get("region").toString());
    assertEquals("residential", fall.get(0).get("tariff").toString());
  }

  @Test
  public void newYorkDstDaysAndTheUtcHoursOnEachSide() {
    // Local 2024-03-10 (EST to EDT): 05:00Z .. 04:00Z next day, 23 hours; 2024-11-03: 25.
    List<GenericRecord> days =
        days(hours("2024-03-09T05:00:00Z", "2024-03-12T04:00:00Z"), in("America/New_York"), null);
    assertEquals(List.of(date("2024-03-09"), date("2024-03-10"), date("2024-03-11")), dates(days));
    assertEquals(List.of(24, 23, 24), ints(days, "hours_in_day"));
    List<GenericRecord> fall =
        days(hours("2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z"), in("America/New_York"), null);
    assertEquals(List.of(date("2024-11-03")), dates(fall));
    assertEquals(List.of(25), ints(fall, "hours_in_day"));
  }

  @Test
  public void theDateLineMovesTheLocalDate() {
    // 2024-03-01T10:00Z is 2024-03-02 00:00 in Kiritimati (+14) and 2024-02-29 23:00 in Pago Pago
    // (-11).
    List<HourlyMeterStats> rows = hours("2024-03-01T10:00:00Z", "2024-03-01T12:00:00Z");
    assertEquals(List.of(date("2024-03-02")), dates(days(rows, in("Pacific/Kiritimati"), null)));
    assertEquals(
        List.of(date("2024-02-29"), date("2024-03-01")),
        dates(days(rows, in("Pacific/Pago_Pago"), null)));
  }

  @Test
  public void estimatedHoursCountInTheDayButNotInItsPower() {
    List<HourlyMeterStats> rows = new ArrayList<>();
    long h0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    rows.add(new HourlyMeterStats("A", h0, h0 + HOUR, 5, 1, 9, 4, 3, 0));
    rows.add(HourlyMeterStats.estimated("A", h0 + HOUR, h0 + 2 * HOUR, 7));
    rows.add(HourlyMeterStats.estimated("A", h0 + 2 * HOUR, h0 + 3 * HOUR, 7));
    rows.add(new HourlyMeterStats("A", h0 + 3 * HOUR, h0 + 4 * HOUR, 2, 0.5, 3, 1, 2, 1));
    GenericRecord day = days(rows, null, null).get(0);
    assertEquals(21.0, (Double) day.get("energy_mwh"), 0);
    assertEquals(5L, day.get("readings"));
    assertEquals(2, day.get("hours_with_readings"));
    assertEquals(2, day.get("hours_estimated"));
    assertEquals(0.5, (Double) day.get("power_min_mw"), 0);
    assertEquals(9.0, (Double) day.get("power_max_mw"), 0);
    assertEquals("UTC", day.get("time_zone").toString()); // not in the registry: UTC days
    assertNull(day.get("region"));
    assertNull(day.get("tariff"));
    assertEquals(7.0, (Double) day.get("peak_hour_energy_mwh"), 0);
    assertEquals(h0 + HOUR, day.get("peak_hour_start")); // the earliest of equal peaks
  }

  @Test
  public void periodsFollowTheLocalClockAcrossTheClockChange() {
    TouSchedule tou = TouSchedule.parse("t", List.of("night: * 00:00-06:00", "day: otherwise"));
    // Berlin's 2024-10-27: local 00:00 to 06:00 has 7 UTC hours (02:00 to 03:00 twice).
    GenericRecord day =
        days(hours("2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"), in("Europe/Berlin"), tou)
            .get(0);
    assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7, (Double) day.get("tou_night_mwh"), 0);
    assertEquals(25 * 26 / 2.0 - 28, (Double) day.get("tou_day_mwh"), 0);
  }

  private static List<Integer> dates(List<GenericRecord> days) {
    return ints(days, "local_date");
  }

  private static List<Integer> ints(List<GenericRecord> days, String field) {
    List<Integer> out = new ArrayList<>();
    for (GenericRecord d : days) {
      out.add((Integer) d.get(field));
    }
    return out;
  }
}
