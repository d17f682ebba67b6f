package io.github.eec.pipeline.parse;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the reading time formats into epoch milliseconds: {@code yyyy-MM-dd HH:mm[:ss[.f]]} and
 * ISO-8601 {@code yyyy-MM-ddTHH:mm[:ss[.f]]} with {@code Z}, {@code ±HH:mm}, {@code ±HHmm}, {@code
 * ±HH} or no offset. Times without an offset are in the configured zone.
 *
 * <p>Hand-written for the hot path: fixed-position digits and a civil-date calculation avoid the
 * formatter and the objects {@code java.time} parsing creates per value. {@code java.time} is used
 * only to resolve local times in a region zone (daylight saving), where its rules are the point.
 */
public final class ReadingTimeParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Returned when the text is not a valid time. */
  public static final long INVALID = Long.MIN_VALUE;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final ZoneId zone;

  /** Non-null when {@link #zone} is a fixed offset, so local times need no zone rules. */
  private final Integer fixedOffsetSeconds;

  public ReadingTimeParser(ZoneId zone) {
    this.zone = zone;
    ZoneId normalized = zone.normalized();
    this.fixedOffsetSeconds =
        normalized instanceof ZoneOffset ? ((ZoneOffset) normalized).getTotalSeconds() : null;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Returns epoch millis of {@code s[from, to)}, or {@link #INVALID}. */
  public long parse(CharSequence s, int from, int to) {
    // yyyy-MM-dd
    if (to - from < 16) {
      return INVALID;
    }
    int year = digits(s, from, 4, to);
    int month = digits(s, from + 5, 2, to);
    int day = digits(s, from + 8, 2, to);
    if (year < 0
        || month < 1
        || day < 1
        || s.charAt(from + 4) != '-'
        || s.charAt(from + 7) != '-') {
      return INVALID;
    }
    char sep = s.charAt(from + 10);
    if (sep != ' ' && sep != 'T') {
      return INVALID;
    }
    int hour = digits(s, from + 11, 2, to);
    int minute = digits(s, from + 14, 2, to);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || s.charAt(from + 13) != ':') {
      return INVALID;
    }
    int i = from + 16;
    int second = 0;
    int millis = 0;
    if (i < to && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2, to);
      if (i + 3 > to || second < 0 || second > 59) {
        return INVALID;
      }
      i += 3;
      if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        i++;
        int fractionDigits = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          if (fractionDigits < 3) {
            millis = millis * 10 + (s.charAt(i) - '0');
          }
          fractionDigits++;
          i++;
        }
        if (fractionDigits == 0 || fractionDigits > 9) {
          return INVALID;
        }
        for (int k = fractionDigits; k < 3; k++) {
          millis *= 10;
        }
      }
    }
    if (month > 12 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    long localMillis =
        epochDay(year, month, day) * MILLIS_PER_DAY
            + hour * 3_600_000L
            + minute * 60_000L
            + second * 1_000L
            + millis;
    if (i == to) {
      return localToEpochMillis(localMillis, year, month, day, hour, minute, second, millis);
    }
    if (sep != 'T') {
      return INVALID; // an offset only comes with the ISO form
    }
    char z = s.charAt(i);
    if (z == 'Z' && i + 1 == to) {
      return localMillis;
    }
    if (z != '+' && z != '-') {
      return INVALID;
    }
    int offsetHours = digits(s, i + 1, 2, to);
    if (i + 3 > to || offsetHours < 0 || offsetHours > 18) {
      return INVALID;
    }
    int offsetMinutes = 0;
    int j = i + 3;
    if (j < to) {
      if (s.charAt(j) == ':') {
        j++;
      }
      offsetMinutes = digits(s, j, 2, to);
      if (j + 2 != to || offsetMinutes < 0 || offsetMinutes > 59) {
        return INVALID;
      }
      if (offsetHours == 18 && offsetMinutes > 0) {
        return INVALID; // beyond ±18:00, which java.time (ZoneOffset) rejects too
      }
    }
    long offsetMillis = (offsetHours * 3600L + offsetMinutes * 60L) * 1000L;
    return z == '+' ? localMillis - offsetMillis : localMillis + offsetMillis;
  }

  private long localToEpochMillis(
      long localMillis,
      int year,
      int month,
      int day,
      int hour,
      int minute,
      int second,
      int millis) {
    if (fixedOffsetSeconds != null) {
      return localMillis - fixedOffsetSeconds * 1000L;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                  .atZone(zone)
                  .toEpochSecond()
              * 1000L
          + millis;
    } catch (DateTimeException e) {
      return INVALID;
    }
  }

  /** Value of {@code count} ASCII digits at {@code at} (before {@code limit}), or -1. */
  private static int digits(CharSequence s, int at, int count, int limit) {
    if (at + count > limit) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < count; k++) {
      char c = s.charAt(at + k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
