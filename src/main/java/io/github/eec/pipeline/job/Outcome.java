package io.github.eec.pipeline.job;

import io.github.eec.pipeline.counters.RunSummary;

/** How a run ended: its counters, and whether it exceeded the rejected-lines limit. */
public final class Outcome {
  private final RunSummary summary;
  private final boolean tooManyRejects;
  private final String hourlyDir;
  private final String rejectsDir;
  private final MergeReport merge;
  private final String report;

  Outcome(RunSummary summary, boolean tooManyRejects, String hourlyDir, String rejectsDir) {
    this(summary, tooManyRejects, hourlyDir, rejectsDir, null);
  }

  Outcome(
      RunSummary summary,
      boolean tooManyRejects,
      String hourlyDir,
      String rejectsDir,
      MergeReport merge) {
    this(summary, tooManyRejects, hourlyDir, rejectsDir, merge, null);
  }

  private Outcome(
      RunSummary summary,
      boolean tooManyRejects,
      String hourlyDir,
      String rejectsDir,
      MergeReport merge,
      String report) {
    this.summary = summary;
    this.tooManyRejects = tooManyRejects;
    this.hourlyDir = hourlyDir;
    this.rejectsDir = rejectsDir;
    this.merge = merge;
    this.report = report;
  }

  /** The same outcome, with the run report written to {@code path} (null: none). */
  Outcome withReport(String path) {
    return new Outcome(summary, tooManyRejects, hourlyDir, rejectsDir, merge, path);
  }

  /** Where the run report is, or null when none was written. */
  public String report() {
    return report;
  }

  /** What a merge did, or null for a plain run. */
  public MergeReport merge() {
    return merge;
  }

  public RunSummary summary() {
    return summary;
  }

  /** More lines were rejected than {@code --maxRejectedFraction} allows: nothing was published. */
  public boolean tooManyRejects() {
    return tooManyRejects;
  }

  /** Where the hourly rows are, or null when they were not published. */
  public String hourlyDir() {
    return hourlyDir;
  }

  /** Where the rejects are: published, or kept in the staging folder when there were too many. */
  public String rejectsDir() {
    return rejectsDir;
  }
}
