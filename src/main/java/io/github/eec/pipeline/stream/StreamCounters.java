package io.github.eec.pipeline.stream;

/** Names of the streaming job's own counters (namespace {@code CounterNames.NAMESPACE}). */
final class StreamCounters {
  private StreamCounters() {}

  /** Readings further behind the watermark than the allowed lateness: sent to the late output. */
  static final String LATE_READINGS = "lateReadings";

  /** Rows written again with a higher revision (a late reading, a meter back after its gap). */
  static final String ROWS_RESTATED = "rowsRestated";

  /** Rows emitted while the meter was silent past the gap timeout (no next reading known yet). */
  static final String ROWS_PROVISIONAL = "rowsProvisional";
}
