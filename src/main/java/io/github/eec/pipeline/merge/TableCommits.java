package io.github.eec.pipeline.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merge's dealings with the table's metadata: the files of the version it starts from, the
 * files it wrote, and its commit.
 *
 * <p>Publishes a merge as one new table version, in one Iceberg transaction: the rewritten days'
 * old data files out, the new ones in, the ledger and meter index pointers updated, the merge's
 * inputs in the snapshot summary. A reader sees the version before or after, never a mix.
 *
 * <p>The merge computed its rows from the version it started on, so it must not commit over a newer
 * one: the overwrite is validated against any data added since that version, in any day (not only
 * the days it rewrites, as the ledger and index of the newer version would be lost).
 */
public final class TableCommits {
  private static final Logger LOG = LoggerFactory.getLogger(TableCommits.class);

  private TableCommits() {}

  /**
   * Commits; returns the new snapshot's id. Throws {@link MergeConflictException} on a newer
   * version.
   */
  public static long commit(
      Table table,
      Long baseSnapshotId,
      List<DataFile> removed,
      List<DataFile> added,
      Map<String, String> summary,
      Map<String, String> properties,
      String lockDir)
      throws IOException {
    try (CommitLock lock = CommitLock.take(lockDir, 600_000)) {
      table.refresh();
      Long current = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
      if (!java.util.Objects.equals(current, baseSnapshotId)) {
        throw new MergeConflictException(
            "another merge committed to "
                + table.name()
                + " (snapshot "
                + current
                + ") after this one started on "
                + (baseSnapshotId == null ? "the empty table" : "snapshot " + baseSnapshotId),
            null);
      }
      Transaction tx = table.newTransaction();
      OverwriteFiles overwrite =
          tx.newOverwrite()
              .conflictDetectionFilter(Expressions.alwaysTrue())
              .validateNoConflictingData()
              .validateNoConflictingDeletes();
      if (baseSnapshotId != null) {
        overwrite.validateFromSnapshot(baseSnapshotId);
      }
      removed.forEach(overwrite::deleteFile);
      added.forEach(overwrite::addFile);
      summary.forEach(overwrite::set);
      overwrite.commit();
      UpdateProperties update = tx.updateProperties();
      properties.forEach(update::set);
      update.commit();
      LOG.info(
          "committing {} new and {} replaced data files to {}",
          added.size(),
          removed.size(),
          table.name());
      tx.commitTransaction();
      table.refresh();
      return table.currentSnapshot().snapshotId();
    } catch (ValidationException | CommitFailedException e) {
      throw new MergeConflictException(
          "another merge committed to " + table.name() + " while this one ran: " + e.getMessage(),
          e);
    }
  }

  /** The data files of a table version, by UTC day (epoch day). */
  public static final class Files {
    private final Map<Integer, List<DataFile>> byDay = new TreeMap<>();

    public List<DataFile> filesOf(int day) {
      return byDay.getOrDefault(day, List.of());
    }

    /** Their paths, for the pipeline to read. */
    public Map<Integer, List<String>> pathsByDay() {
      Map<Integer, List<String>> paths = new TreeMap<>();
      byDay.forEach(
          (day, files) ->
              paths.put(
                  day, files.stream().map(f -> f.path().toString()).collect(Collectors.toList())));
      return paths;
    }
  }

  /** The data files of snapshot {@code snapshotId} (none for an empty table). */
  public static Files filesOf(Table table, Long snapshotId) throws IOException {
    Files files = new Files();
    if (snapshotId == null) {
      return files;
    }
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshotId).planFiles()) {
      for (FileScanTask task : tasks) {
        files.byDay.computeIfAbsent(dayOf(task.file()), d -> new ArrayList<>()).add(task.file());
      }
    }
    return files;
  }

  /** The UTC day (epoch day) of a data file's partition. */
  public static int dayOf(DataFile file) {
    return file.partition().get(0, Integer.class);
  }

  /**
   * A table location as Beam's file systems take it: local paths without Hadoop's {@code file:}.
   */
  public static String beamPath(String location) {
    String l = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    if (l.startsWith("file://")) {
      return l.substring("file://".length());
    }
    return l.startsWith("file:") ? l.substring("file:".length()) : l;
  }

  /**
   * The data files a merge wrote ({@code dataLocation/DAY/PREFIX-*.parquet}), with the column
   * statistics Iceberg plans and filters with; files without rows are deleted, not committed.
   */
  public static List<DataFile> writtenFiles(Table table, String dataLocation, String prefix)
      throws IOException {
    NameMapping mapping =
        NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
    MetricsConfig metricsConfig = MetricsConfig.forTable(table);
    List<DataFile> out = new ArrayList<>();
    List<ResourceId> empty = new ArrayList<>();
    MatchResult match =
        FileSystems.match(dataLocation + "/*/" + prefix + "-*.parquet", EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata m : match.metadata()) {
      String path = m.resourceId().toString();
      InputFile in = table.io().newInputFile(path);
      Metrics metrics = ParquetUtil.fileMetrics(in, metricsConfig, mapping);
      if (metrics.recordCount() == 0) {
        empty.add(m.resourceId());
        continue;
      }
      String partition = m.resourceId().getCurrentDirectory().getFilename();
      out.add(
          DataFiles.builder(table.spec())
              .withPath(path)
              .withFormat(FileFormat.PARQUET)
              .withFileSizeInBytes(m.sizeBytes())
              .withMetrics(metrics)
              .withPartitionPath(
                  partition.endsWith("/")
                      ? partition.substring(0, partition.length() - 1)
                      : partition)
              .build());
    }
    if (!empty.isEmpty()) {
      FileSystems.delete(empty, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    return out;
  }

  /** Deletes the files matching each glob (null ones skipped), logging rather than failing. */
  public static void deleteQuietly(String... globs) {
    for (String glob : globs) {
      if (glob == null) {
        continue;
      }
      try {
        List<ResourceId> files = new ArrayList<>();
        for (MatchResult.Metadata m :
            FileSystems.match(glob, EmptyMatchTreatment.ALLOW).metadata()) {
          files.add(m.resourceId());
        }
        FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not delete {}: {}", glob, e.toString());
      }
    }
  }
}
