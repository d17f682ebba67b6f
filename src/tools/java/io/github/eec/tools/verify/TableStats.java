package io.github.eec.tools.verify;

import java.io.IOException;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * {@code TableStats WAREHOUSE TABLE}: the size of a merged table's current version (its data files)
 * and its history, for BENCHMARKS.md.
 */
public final class TableStats {
  private TableStats() {}

  public static void main(String[] args) throws IOException {
    Table table = TableRows.load(args[0], args[1]);
    long files = 0;
    long bytes = 0;
    long rows = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask t : tasks) {
        files++;
        bytes += t.file().fileSizeInBytes();
        rows += t.file().recordCount();
      }
    }
    int snapshots = 0;
    for (Snapshot s : table.snapshots()) {
      snapshots++;
    }
    System.out.printf(
        "current version: %,d rows in %,d data files, %.1f MB (%.0f bytes a row); %d snapshots%n",
        rows, files, bytes / 1e6, (double) bytes / Math.max(1, rows), snapshots);
  }
}
