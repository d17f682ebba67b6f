package io.github.eec.pipeline.job;

import java.util.List;

/** What a merge did to the table: for the run summary. */
public final class MergeReport {
  private final String table;
  private final String tableLocation;
  private final Long snapshotId;
  private final int filesMerged;
  private final List<String> filesSkipped;
  private final int daysRewritten;
  private final List<String> rollUps;

  MergeReport(
      String table,
      String tableLocation,
      Long snapshotId,
      int filesMerged,
      List<String> filesSkipped,
      int daysRewritten,
      List<String> rollUps) {
    this.table = table;
    this.tableLocation = tableLocation;
    this.snapshotId = snapshotId;
    this.filesMerged = filesMerged;
    this.filesSkipped = List.copyOf(filesSkipped);
    this.daysRewritten = daysRewritten;
    this.rollUps = List.copyOf(rollUps);
  }

  public String table() {
    return table;
  }

  public String tableLocation() {
    return tableLocation;
  }

  /** The table version this merge committed, or null when it had nothing to merge. */
  public Long snapshotId() {
    return snapshotId;
  }

  public int filesMerged() {
    return filesMerged;
  }

  /** Input files merged before (with the path they were merged under when it differs). */
  public List<String> filesSkipped() {
    return filesSkipped;
  }

  public int daysRewritten() {
    return daysRewritten;
  }

  /** The lines the run summary adds for a merge. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    line(sb, "files merged", String.format("%,d", filesMerged));
    line(
        sb,
        "files skipped",
        filesSkipped.size() + (filesSkipped.isEmpty() ? "" : " (already merged)"));
    for (String skipped : filesSkipped) {
      sb.append("    ").append(skipped).append('\n');
    }
    line(sb, "days rewritten", String.format("%,d", daysRewritten));
    line(sb, "table", table + " at " + tableLocation);
    line(
        sb,
        "snapshot",
        snapshotId == null ? "(none: nothing to merge)" : Long.toString(snapshotId));
    for (String r : rollUps) {
      line(sb, "roll-up table", r);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(String.format("  %-22s %s%n", label, value));
  }
}
