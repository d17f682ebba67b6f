package io.github.eec.tools.generator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --start}: a date ({@code 2024-02-28}, midnight UTC) or an ISO instant with offset,
 * as epoch millis.
 */
final class StartConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not yyyy-MM-dd or an ISO instant like 2024-02-28T06:00:00Z");
    }
  }
}
