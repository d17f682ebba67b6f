package io.github.eec.pipeline.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roll-up tables of one merge, opened (created when missing) before it starts: where each
 * stood, the days it lacks, where the merge writes its files, and after the hourly commit their own
 * commits, each replacing the partitions the merge wrote anew.
 */
public final class OpenRollUpTables {
  private static final Logger LOG = LoggerFactory.getLogger(OpenRollUpTables.class);

  private final RollUpTables tables;
  private final Map<String, Table> opened = new LinkedHashMap<>();
  private final Map<String, Long> bases = new LinkedHashMap<>();
  private final Set<Integer> daysBehind = new TreeSet<>();

  private OpenRollUpTables(RollUpTables tables) {
    this.tables = tables;
  }

  /** Opens or creates each of {@code tables}; {@code hourlyBase} is the merge's hourly version. */
  public static OpenRollUpTables open(
      TableCatalog catalog, RollUpTables tables, Table hourly, Long hourlyBase) throws IOException {
    OpenRollUpTables open = new OpenRollUpTables(tables);
    for (RollUpTables.Entry e : tables.entries()) {
      Table t = catalog.loadOrCreate(e.id(), e.format, e.format.newTableProperties(Map.of()));
      open.opened.put(e.rollUp, t);
      open.bases.put(
          e.rollUp, t.currentSnapshot() == null ? null : t.currentSnapshot().snapshotId());
      open.daysBehind.addAll(RollUpTables.daysBehind(hourly, hourlyBase, t));
    }
    return open;
  }

  public RollUpTables tables() {
    return tables;
  }

  /** The UTC days whose roll-ups some table lacks (a merge killed before its roll-up commits). */
  public Set<Integer> daysBehind() {
    return daysBehind;
  }

  /** Each table's data folder, by roll-up. */
  public Map<String, String> dataLocations() {
    Map<String, String> out = new TreeMap<>();
    opened.forEach((rollUp, t) -> out.put(rollUp, dataLocation(t)));
    return out;
  }

  private static String dataLocation(Table t) {
    return TableCommits.beamPath(t.location()) + "/data";
  }

  /**
   * Commits each table's new files of run {@code runId}, recording {@code hourlySnapshot} as its
   * source. A table another merge committed to since this one opened it is left to that merge
   * (which made it from a newer hourly version) or to the next one. Returns a line per table.
   */
  public List<String> commit(String runId, long hourlySnapshot, String lockDir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (RollUpTables.Entry e : tables.entries()) {
      Table t = opened.get(e.rollUp);
      Long base = bases.get(e.rollUp);
      List<DataFile> added = TableCommits.writtenFiles(t, dataLocation(t), e.filePrefix(runId));
      Set<Integer> days = new HashSet<>();
      added.forEach(f -> days.add(TableCommits.dayOf(f)));
      TableCommits.Files current = TableCommits.filesOf(t, base);
      List<DataFile> removed = new ArrayList<>();
      days.forEach(d -> removed.addAll(current.filesOf(d)));
      Map<String, String> summary = new LinkedHashMap<>();
      summary.put("eec.run-id", runId);
      summary.put(RollUpTables.SOURCE_SNAPSHOT, Long.toString(hourlySnapshot));
      try {
        long snapshot = TableCommits.commit(t, base, removed, added, summary, Map.of(), lockDir);
        lines.add(e.table + " snapshot " + snapshot + " (" + days.size() + " days)");
      } catch (MergeConflictException conflict) {
        LOG.warn(
            "{}: {}; left to the merge that did, or to the next one",
            e.table,
            conflict.getMessage());
        TableCommits.deleteQuietly(dataLocation(t) + "/*/" + e.filePrefix(runId) + "-*");
        lines.add(e.table + " not committed: another merge committed to it meanwhile");
      }
    }
    return lines;
  }

  /**
   * A glob of the files run {@code runId} wrote into the table of {@code rollUp}, or null when this
   * merge has no such table.
   */
  public String filesWritten(String rollUp, String runId) {
    Table t = opened.get(rollUp);
    return t == null
        ? null
        : dataLocation(t) + "/*/" + tables.entry(rollUp).filePrefix(runId) + "-*.parquet";
  }

  /** Deletes the files run {@code runId} wrote into the tables (a merge that did not commit). */
  public void deleteWritten(String runId) {
    for (RollUpTables.Entry e : tables.entries()) {
      TableCommits.deleteQuietly(
          dataLocation(opened.get(e.rollUp)) + "/*/" + e.filePrefix(runId) + "-*");
    }
  }
}
