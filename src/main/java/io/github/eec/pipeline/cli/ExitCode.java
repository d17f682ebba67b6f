package io.github.eec.pipeline.cli;

/** The job's exit codes, as README "Data quality" documents them. */
public final class ExitCode {
  public static final int DONE = 0;

  /** The run started and failed. */
  public static final int FAILED = 1;

  /** Options or output folder refused before the start. */
  public static final int BAD_OPTIONS = 2;

  /** More lines rejected than {@code --maxRejectedFraction} allows; nothing published. */
  public static final int TOO_MANY_REJECTS = 3;

  /** Another merge committed to the table first; nothing published, a rerun merges the files. */
  public static final int MERGE_CONFLICT = 4;

  private ExitCode() {}
}
