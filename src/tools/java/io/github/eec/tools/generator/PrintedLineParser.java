package io.github.eec.tools.generator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a line back by the README's input rules, independently of the pipeline's parser: is it a
 * reading (and which), the header, or a reject (with which reason code)? The ground truth is
 * computed from what this accepts, so it sees exactly the values the file holds, rounding included.
 *
 * <p>Times without an offset are taken as UTC (the pipeline's default {@code --timeZone}).
 */
public final class PrintedLineParser {
  /** The header line, skipped wherever it appears. */
  public static final String HEADER = "meter,time,energy,power";

  /** The README's time formats; fixed-width ones the generator prints take a faster path first. */
  private static final Pattern TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})([ T])(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?");

  /** The outcome for one line. */
  public static final class Result {
    /** Null for a reading or the header, else the README's reason code. */
    public final String rejectReason;

    public final boolean header;
    public final PrintedReading reading;

    private Result(String rejectReason, boolean header, PrintedReading reading) {
      this.rejectReason = rejectReason;
      this.header = header;
      this.reading = reading;
    }

    public boolean isReading() {
      return reading != null;
    }

    @Override
    public String toString() {
      return header ? "HEADER" : reading != null ? reading.toString() : rejectReason;
    }
  }

  private static final Result HEADER_RESULT = new Result(null, true, null);

  private PrintedLineParser() {}

  /** Classifies one line (without its line terminator). */
  public static Result parse(String line) {
    if (line.isBlank()) {
      return reject("EMPTY_LINE");
    }
    if (line.trim().equals(HEADER)) {
      return HEADER_RESULT;
    }
    String[] f = line.split(",", -1);
    if (f.length != 4) {
      return reject("WRONG_FIELD_COUNT");
    }
    String meter = f[0].trim();
    if (meter.isEmpty()) {
      return reject("EMPTY_METER");
    }
    long time = parseTime(f[1]);
    if (time == Long.MIN_VALUE) {
      return reject("BAD_TIME");
    }
    double energy = parseDecimal(f[2]);
    if (Double.isNaN(energy)) {
      return reject("BAD_ENERGY");
    }
    if (energy < 0) {
      return reject("NEGATIVE_ENERGY");
    }
    double power = parseDecimal(f[3]);
    if (Double.isNaN(power)) {
      return reject("BAD_POWER");
    }
    if (power < 0) {
      return reject("NEGATIVE_POWER");
    }
    return new Result(null, false, new PrintedReading(meter, time, energy + 0.0, power + 0.0));
  }

  private static Result reject(String reason) {
    return new Result(reason, false, null);
  }

  /**
   * A decimal number ({@code 123}, {@code 123.45}, {@code 1.2e3}, optionally with a leading minus),
   * or NaN when the text is not one. NaN, Infinity, hex and Java's {@code d}/{@code f} suffixes are
   * not decimal numbers, so they are checked by hand before {@code Double.parseDouble}.
   */
  static double parseDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
    }
    if (i != n) {
      return Double.NaN;
    }
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? Double.NaN : d;
  }

  /**
   * Epoch millis of a time in one of the README's formats, or Long.MIN_VALUE when it is not one.
   */
  static long parseTime(String s) {
    int n = s.length();
    // Fast path for what the generator prints: yyyy-MM-dd HH:mm:ss, yyyy-MM-dd HH:mm,
    // yyyy-MM-ddTHH:mm:ssZ.
    if ((n == 19 || n == 16 || (n == 20 && s.charAt(19) == 'Z'))
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && (s.charAt(10) == ' ' || s.charAt(10) == 'T')
        && s.charAt(13) == ':'
        && (n == 16 || s.charAt(16) == ':')
        && (n != 20 || s.charAt(10) == 'T')) {
      int y = digits(s, 0, 4);
      int mo = digits(s, 5, 2);
      int d = digits(s, 8, 2);
      int h = digits(s, 11, 2);
      int mi = digits(s, 14, 2);
      int sec = n == 16 ? 0 : digits(s, 17, 2);
      return epochMillis(y, mo, d, h, mi, sec, 0, 0);
    }
    Matcher m = TIME.matcher(s);
    if (!m.matches()) {
      return Long.MIN_VALUE;
    }
    boolean iso = m.group(4).equals("T");
    String zone = m.group(9);
    if (!iso && zone != null) {
      return Long.MIN_VALUE; // the space format has no offset
    }
    int sec = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
    int millis = 0;
    if (m.group(8) != null) {
      String frac = (m.group(8) + "00").substring(0, 3); // truncated to milliseconds
      millis = Integer.parseInt(frac);
    }
    int offsetMinutes = 0;
    if (zone != null && !zone.equals("Z")) {
      int oh = Integer.parseInt(zone.substring(1, 3));
      int om = Integer.parseInt(zone.substring(4, 6));
      if (oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return Long.MIN_VALUE;
      }
      offsetMinutes = (zone.charAt(0) == '-' ? -1 : 1) * (oh * 60 + om);
    }
    return epochMillis(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(5)),
        Integer.parseInt(m.group(6)),
        sec,
        millis,
        offsetMinutes);
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long epochMillis(
      int y, int mo, int d, int h, int mi, int s, int millis, int offsetMinutes) {
    if (y < 0
        || mo < 1
        || mo > 12
        || d < 1
        || d > daysInMonth(y, mo)
        || h < 0
        || h > 23
        || mi < 0
        || mi > 59
        || s < 0
        || s > 59) {
      return Long.MIN_VALUE;
    }
    long days = daysFromCivil(y, mo, d);
    return ((days * 24 + h) * 60 + mi - offsetMinutes) * 60_000L + s * 1000L + millis;
  }

  private static int daysInMonth(int y, int mo) {
    switch (mo) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  private static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
