package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.options.InvalidOptionException;
import java.util.Locale;
import org.joda.time.Duration;
import org.joda.time.format.ISOPeriodFormat;

/**
 * Durations on the command line: {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h}, or ISO-8601.
 */
final class StreamDurations {
  private StreamDurations() {}

  static Duration parse(String option, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return ISOPeriodFormat.standard()
            .parsePeriod(v.toUpperCase(Locale.ROOT))
            .toStandardDuration();
      }
      if (v.equals("0")) {
        return Duration.ZERO;
      }
      String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}};
      for (String[] unit : units) {
        if (v.endsWith(unit[0])) {
          String number = v.substring(0, v.length() - unit[0].length()).trim();
          if (unit[0].equals("s") && number.endsWith("m")) {
            continue; // "ms" is matched first
          }
          long n = Long.parseLong(number);
          if (n < 0) {
            break;
          }
          return Duration.millis(Math.multiplyExact(n, Long.parseLong(unit[1])));
        }
      }
    } catch (RuntimeException e) {
      // falls through to the one message below
    }
    throw new InvalidOptionException(
        option, "'" + value + "' is not a duration such as 500ms, 90s, 2m, 1h or PT2M");
  }
}
