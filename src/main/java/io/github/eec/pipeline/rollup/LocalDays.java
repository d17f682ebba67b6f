package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.model.Hours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * UTC hours seen from a time zone: which local day and clock hour an hour falls in, and how many
 * hours a local day has (23 or 25 when the clocks change). Only zones whose offset is a whole
 * number of hours are taken: their local days begin on a UTC hour, so a local day is exactly a set
 * of the job's hourly rows.
 */
public final class LocalDays {
  private LocalDays() {}

  /** The local date (epoch day) of the UTC hour starting at {@code hourStart}. */
  public static int localDate(long hourStart, ZoneId zone) {
    return (int) Instant.ofEpochMilli(hourStart).atZone(zone).toLocalDate().toEpochDay();
  }

  /** The local clock hour (0-23) at which the UTC hour starting at {@code hourStart} begins. */
  public static int localHour(long hourStart, ZoneId zone) {
    return Instant.ofEpochMilli(hourStart).atZone(zone).getHour();
  }

  public static DayOfWeek dayOfWeek(long hourStart, ZoneId zone) {
    return Instant.ofEpochMilli(hourStart).atZone(zone).getDayOfWeek();
  }

  /** The number of hours of a local day: 24, or 23/25 on the days the clocks change. */
  public static int hoursInDay(int localDate, ZoneId zone) {
    LocalDate day = LocalDate.ofEpochDay(localDate);
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    return (int) ((end - start) / Hours.HOUR_MILLIS);
  }

  /**
   * The first offset of {@code zone} between {@code from} and {@code to} (epoch millis) that is not
   * a whole number of hours, or null when there is none.
   */
  public static ZoneOffset partHourOffset(ZoneId zone, long from, long to) {
    ZoneRules rules = zone.getRules();
    Instant at = Instant.ofEpochMilli(from);
    ZoneOffset offset = rules.getOffset(at);
    if (offset.getTotalSeconds() % 3600 != 0) {
      return offset;
    }
    for (ZoneOffsetTransition t = rules.nextTransition(at);
        t != null && t.getInstant().toEpochMilli() < to;
        t = rules.nextTransition(t.getInstant())) {
      if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
        return t.getOffsetAfter();
      }
    }
    return null;
  }
}
