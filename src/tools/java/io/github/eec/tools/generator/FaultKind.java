package io.github.eec.tools.generator;

/**
 * What can go wrong with one transmitted reading. The first eight replace the reading's line with a
 * line the pipeline must reject, and are named exactly like the README's reason codes; the others
 * keep the reading (or add a line the pipeline skips).
 */
public enum FaultKind {
  /** The line is empty or blank; the reading is lost. */
  EMPTY_LINE(true),
  /**
   * A field is missing or extra, or the line is cut short or uses {@code ;}; the reading is lost.
   */
  WRONG_FIELD_COUNT(true),
  /** The meter field is empty or blank; the reading is lost. */
  EMPTY_METER(true),
  /** The time is unparseable or not a real date/time (e.g. {@code 2024-02-30}, {@code 25:61}). */
  BAD_TIME(true),
  /**
   * The energy is not a decimal number ({@code NaN}, {@code Infinity}, {@code abc}, hex, empty...).
   */
  BAD_ENERGY(true),
  /** The power is not a decimal number. */
  BAD_POWER(true),
  /** The energy is printed negative. */
  NEGATIVE_ENERGY(true),
  /** The power is printed negative. */
  NEGATIVE_POWER(true),
  /** The reading's line is written twice in a row; both are accepted and both count. */
  DUPLICATE(false),
  /** The reading's line is written after 1 to 20 of the meter's later readings. */
  OUT_OF_ORDER(false),
  /** The register drops to a small value at this reading and grows again from there. */
  REGISTER_RESET(false),
  /**
   * A header line {@code meter,time,energy,power} is written before the reading (skipped, not
   * rejected).
   */
  HEADER(false);

  private final boolean rejected;

  FaultKind(boolean rejected) {
    this.rejected = rejected;
  }

  /**
   * True when the pipeline must reject the faulty line, with this kind's name as the reason code.
   */
  public boolean isRejected() {
    return rejected;
  }
}
