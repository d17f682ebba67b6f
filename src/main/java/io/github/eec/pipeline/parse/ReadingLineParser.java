package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.RejectReason;
import java.io.Serializable;

/**
 * Parses one CSV line {@code meter,time,energy,power} in place. After {@link #parse} the fields of
 * the outcome are readable until the next call; one parser per DoFn instance, not shared across
 * threads.
 *
 * <p>Splits by scanning for commas rather than {@code String.split} or a regex: this runs once per
 * reading and allocates nothing for a valid line.
 */
public final class ReadingLineParser implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String HEADER = "meter,time,energy,power";

  /** What a line turned out to be. */
  public enum Outcome {
    READING,
    HEADER,
    REJECTED
  }

  /** Far longer than any real reading; longer lines are rejected before they are parsed. */
  public static final int MAX_LINE_LENGTH = 4096;

  private final ReadingTimeParser timeParser;
  private final double maxPowerMw;
  private final double maxEnergyMwh;
  private final long earliestMillis;
  private final long latestMillis;

  private String line;
  private int meterStart;
  private int meterEnd;
  private String meter;
  private long timeMillis;
  private double energyMwh;
  private double powerMw;
  private RejectReason reason;
  private String detail;

  public ReadingLineParser(ReadingRules rules) {
    this.timeParser = new ReadingTimeParser(rules.zone());
    this.maxPowerMw = rules.maxPowerMw();
    this.maxEnergyMwh = rules.maxEnergyMwh();
    this.earliestMillis = rules.earliestMillis();
    this.latestMillis = rules.latestMillis();
  }

  public Outcome parse(String line) {
    int start = 0;
    int end = line.length();
    if (end > MAX_LINE_LENGTH) {
      return reject(
          RejectReason.LINE_TOO_LONG, "line of " + end + " characters, over " + MAX_LINE_LENGTH);
    }
    if (line.indexOf('\uFFFD') >= 0) {
      // TextIO decodes invalid UTF-8 bytes to U+FFFD; such a meter id or number cannot be trusted.
      return reject(RejectReason.INVALID_ENCODING, "line holds bytes that are not valid UTF-8");
    }
    if (end > 0 && line.charAt(0) == '\uFEFF') {
      start = 1; // byte-order mark at the start of a file
    }
    while (start < end && isBlank(line.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(line.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return reject(RejectReason.EMPTY_LINE, "empty line");
    }
    int c1 = line.indexOf(',', start);
    int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
    int c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
    if (c3 < 0 || c3 >= end || line.indexOf(',', c3 + 1) >= 0 && line.indexOf(',', c3 + 1) < end) {
      return reject(
          RejectReason.WRONG_FIELD_COUNT,
          "expected 4 fields meter,time,energy,power, got " + fieldCount(line, start, end));
    }
    if (end - start == HEADER.length()
        && line.regionMatches(true, start, HEADER, 0, HEADER.length())) {
      return Outcome.HEADER;
    }
    int meterEnd = trimEnd(line, start, c1);
    if (meterEnd == start) {
      return reject(RejectReason.EMPTY_METER, "meter id is empty");
    }
    int timeStart = trimStart(line, c1 + 1, c2);
    int timeEnd = trimEnd(line, timeStart, c2);
    long time = timeParser.parse(line, timeStart, timeEnd);
    if (time == ReadingTimeParser.INVALID) {
      return reject(
          RejectReason.BAD_TIME,
          "unreadable or impossible time '" + abbreviate(line, timeStart, timeEnd) + "'");
    }
    if (time < earliestMillis || time >= latestMillis) {
      return reject(
          RejectReason.TIME_OUT_OF_RANGE,
          "time '"
              + abbreviate(line, timeStart, timeEnd)
              + "' is outside the plausible range (--earliestTime, --latestTime)");
    }
    int energyStart = trimStart(line, c2 + 1, c3);
    int energyEnd = trimEnd(line, energyStart, c3);
    double energy = DecimalParser.parse(line, energyStart, energyEnd);
    if (Double.isNaN(energy)) {
      return reject(RejectReason.BAD_ENERGY, "energy is not a decimal number");
    }
    if (energy < 0) {
      return reject(RejectReason.NEGATIVE_ENERGY, "energy register is negative");
    }
    if (energy > maxEnergyMwh) {
      return reject(RejectReason.ENERGY_TOO_HIGH, "energy register above --maxEnergyMwh");
    }
    int powerStart = trimStart(line, c3 + 1, end);
    double power = DecimalParser.parse(line, powerStart, end);
    if (Double.isNaN(power)) {
      return reject(RejectReason.BAD_POWER, "power is not a decimal number");
    }
    if (power < 0) {
      return reject(RejectReason.NEGATIVE_POWER, "power is negative");
    }
    if (power > maxPowerMw) {
      return reject(RejectReason.POWER_TOO_HIGH, "power above --maxPowerMw");
    }
    this.line = line;
    this.meterStart = start;
    this.meterEnd = meterEnd;
    this.meter = null; // made on demand: the hot path looks meters up by their characters
    this.timeMillis = time;
    this.energyMwh = energy;
    this.powerMw = power;
    return Outcome.READING;
  }

  private Outcome reject(RejectReason reason, String detail) {
    this.reason = reason;
    this.detail = detail;
    return Outcome.REJECTED;
  }

  /** At most 40 characters of a field, so a megabyte-long field does not bloat the reason. */
  private static String abbreviate(String s, int from, int to) {
    return to - from <= 40 ? s.substring(from, to) : prefix(s, from, 37) + "...";
  }

  /**
   * At most {@code length} characters of {@code s} from {@code from}, never cutting a surrogate
   * pair in half: half of one does not survive UTF-8 (coders, the JSON rejects file).
   */
  static String prefix(String s, int from, int length) {
    int cut = Math.min(s.length(), from + length);
    if (cut < s.length() && cut > from && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(from, cut);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static int trimStart(String s, int from, int to) {
    while (from < to && isBlank(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && isBlank(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static int fieldCount(String s, int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == ',') {
        n++;
      }
    }
    return n;
  }

  public String meter() {
    if (meter == null) {
      meter = line.substring(meterStart, meterEnd);
    }
    return meter;
  }

  public int meterStart() {
    return meterStart;
  }

  public int meterEnd() {
    return meterEnd;
  }

  public long timeMillis() {
    return timeMillis;
  }

  public double energyMwh() {
    return energyMwh;
  }

  public double powerMw() {
    return powerMw;
  }

  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
