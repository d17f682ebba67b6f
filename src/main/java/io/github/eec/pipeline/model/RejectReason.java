package io.github.eec.pipeline.model;

/**
 * Machine-readable reason a line was rejected; the names are the `reason` values in the rejects.
 */
public enum RejectReason {
  LINE_TOO_LONG,
  INVALID_ENCODING,
  EMPTY_LINE,
  WRONG_FIELD_COUNT,
  EMPTY_METER,
  BAD_TIME,
  TIME_OUT_OF_RANGE,
  BAD_ENERGY,
  NEGATIVE_ENERGY,
  ENERGY_TOO_HIGH,
  BAD_POWER,
  NEGATIVE_POWER,
  POWER_TOO_HIGH
}
