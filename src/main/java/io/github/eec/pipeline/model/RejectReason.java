package io.github.eec.pipeline.model;

/** Machine-readable reason a line was rejected; the names are the `reason` values in the rejects. */
public enum RejectReason {
  EMPTY_LINE,
  WRONG_FIELD_COUNT,
  EMPTY_METER,
  BAD_TIME,
  BAD_ENERGY,
  NEGATIVE_ENERGY,
  BAD_POWER,
  NEGATIVE_POWER
}
