package io.github.eec.tools.generator;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --timeFormat} by its lower-case option value ({@code space}, {@code minute}, {@code
 * iso}), exactly.
 */
final class TimeFormatConverter implements ITypeConverter<TimeFormat> {
  @Override
  public TimeFormat convert(String text) {
    TimeFormat format = TimeFormat.fromOptionValue(text);
    if (format == null) {
      throw new TypeConversionException(
          "'" + text + "' is not a time format: use space, minute or iso");
    }
    return format;
  }
}
