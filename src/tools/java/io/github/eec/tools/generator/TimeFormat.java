package io.github.eec.tools.generator;

/**
 * How the generator prints a reading's time; all three are read as UTC by the pipeline's defaults.
 */
public enum TimeFormat {
  /** {@code yyyy-MM-dd HH:mm:ss}, no zone. */
  SPACE("space", 1_000L),
  /** {@code yyyy-MM-dd HH:mm}, no zone: the original feed's style. */
  MINUTE("minute", 60_000L),
  /** {@code yyyy-MM-ddTHH:mm:ssZ}. */
  ISO("iso", 1_000L);

  private final String optionValue;
  private final long resolutionMillis;

  TimeFormat(String optionValue, long resolutionMillis) {
    this.optionValue = optionValue;
    this.resolutionMillis = resolutionMillis;
  }

  /** The value of {@code --timeFormat} that selects this format. */
  public String optionValue() {
    return optionValue;
  }

  /** The finest time step the format can print; every generated time is a multiple of it. */
  public long resolutionMillis() {
    return resolutionMillis;
  }

  /** The format named by an option value, or null. */
  static TimeFormat fromOptionValue(String value) {
    for (TimeFormat f : values()) {
      if (f.optionValue.equals(value)) {
        return f;
      }
    }
    return null;
  }
}
