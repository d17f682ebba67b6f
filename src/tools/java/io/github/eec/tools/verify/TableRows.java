package io.github.eec.tools.verify;

import io.github.eec.pipeline.model.HourlyMeterStats;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Reads a merged table back with Iceberg's own generic reader (not the job's code): the rows of its
 * current version, or of an older snapshot, as the plain run's row type for comparisons.
 */
public final class TableRows {
  private TableRows() {}

  /** The table {@code namespace.name} of the Hadoop catalog on {@code warehouse}. */
  public static Table load(String warehouse, String table) {
    HadoopCatalog catalog = new HadoopCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("verify", Map.of("warehouse", warehouse));
    return catalog.loadTable(TableIdentifier.parse(table));
  }

  /**
   * The table {@code namespace.name} of a JDBC catalog (SQLite here), data under {@code warehouse}.
   * A JDBC catalog keeps the catalog name with each table: the job names its catalog {@code eec}.
   */
  public static Table loadJdbc(String uri, String warehouse, String table) {
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(
        "eec", Map.of("uri", uri, "warehouse", warehouse, "jdbc.init-catalog-tables", "false"));
    return catalog.loadTable(TableIdentifier.parse(table));
  }

  public static List<HourlyMeterStats> rows(Table table) throws IOException {
    table.refresh();
    return rows(
        table, table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId());
  }

  /** The rows of snapshot {@code snapshotId}: what the table said then. */
  public static List<HourlyMeterStats> rows(Table table, Long snapshotId) throws IOException {
    List<HourlyMeterStats> out = new ArrayList<>();
    if (snapshotId == null) {
      return out;
    }
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
      for (Record r : records) {
        if (Boolean.TRUE.equals(r.getField("estimated"))) {
          out.add(
              HourlyMeterStats.estimated(
                  (String) r.getField("meter"),
                  millis(r.getField("window_start")),
                  millis(r.getField("window_end")),
                  (Double) r.getField("energy_mwh")));
          continue;
        }
        out.add(
            new HourlyMeterStats(
                (String) r.getField("meter"),
                millis(r.getField("window_start")),
                millis(r.getField("window_end")),
                (Double) r.getField("energy_mwh"),
                (Double) r.getField("power_min_mw"),
                (Double) r.getField("power_max_mw"),
                (Double) r.getField("power_mean_mw"),
                (Long) r.getField("readings"),
                (Integer) r.getField("register_resets")));
      }
    }
    return out;
  }

  private static long millis(Object timestamptz) {
    return ((OffsetDateTime) timestamptz).toInstant().toEpochMilli();
  }
}
