package io.github.eec.tools.generator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as positive milliseconds: {@code 15s}, {@code 90min}, {@code 1.5h}, {@code 3d},
 * {@code 250ms} or ISO {@code PT15M}.
 */
final class DurationConverter implements ITypeConverter<Long> {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|sec|m|min|h|d)");

  @Override
  public Long convert(String text) {
    long millis = text.startsWith("P") || text.startsWith("p") ? isoMillis(text) : unitMillis(text);
    if (millis <= 0) {
      throw new TypeConversionException("'" + text + "' is not positive");
    }
    return millis;
  }

  private static long isoMillis(String text) {
    try {
      return Duration.parse(text).toMillis();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException("'" + text + "' is not an ISO-8601 duration");
    }
  }

  private static long unitMillis(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration such as 1s, 15s, 15min, 36h, 3d or PT36H");
    }
    double unit =
        switch (m.group(2)) {
          case "ms" -> 1;
          case "s", "sec" -> 1_000;
          case "m", "min" -> 60_000;
          case "h" -> 3_600_000;
          default -> 86_400_000;
        };
    double millis = Double.parseDouble(m.group(1)) * unit;
    // Fractions are allowed (1.5h) as long as they land on a whole millisecond.
    if (millis > 1e15 || millis != Math.rint(millis)) {
      throw new TypeConversionException(
          "'" + text + "' is not a whole number of milliseconds up to 1e15");
    }
    return (long) millis;
  }
}
