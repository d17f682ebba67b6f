package io.github.eec.pipeline.counters;

import io.github.eec.pipeline.model.RejectReason;

/** Names of the Beam counters the pipeline reports, shared by the DoFns and the run summary. */
public final class CounterNames {
  private CounterNames() {}

  public static final String NAMESPACE = "eec";
  public static final String LINES_READ = "linesRead";
  public static final String READINGS_ACCEPTED = "readingsAccepted";
  public static final String HEADER_LINES = "headerLinesSkipped";
  public static final String LINES_REJECTED = "linesRejected";
  public static final String REGISTER_RESETS = "registerResets";
  public static final String DUPLICATES_DROPPED = "duplicatesDropped";
  public static final String HOURLY_ROWS = "hourlyRowsWritten";

  /** Hours without readings inside a gap, given an estimated row. */
  public static final String HOURS_ESTIMATED = "hoursEstimated";

  /** Meters with readings that the meter registry does not list. */
  public static final String METERS_NOT_IN_REGISTRY = "metersNotInRegistry";

  public static final String DAILY_ROWS = "dailyRowsWritten";

  /** Merge: rows of the rewritten days computed anew (new readings, or a changed neighbour). */
  public static final String ROWS_RECOMPUTED = "rowsRecomputed";

  /** Merge: rows of the rewritten days written back as they were. */
  public static final String ROWS_CARRIED = "rowsCarried";

  /** Prefix of the counters of lines read from one input file: the prefix, then the file. */
  public static final String LINES_READ_IN = "linesReadIn:";

  /** Prefix of the counters of lines rejected from one input file. */
  public static final String LINES_REJECTED_IN = "linesRejectedIn:";

  public static String rejected(RejectReason reason) {
    return "rejected_" + reason.name();
  }

  public static String linesReadIn(String file) {
    return LINES_READ_IN + file;
  }

  public static String linesRejectedIn(String file) {
    return LINES_REJECTED_IN + file;
  }
}
