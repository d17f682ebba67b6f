package io.github.eec.tools.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a merged table as a Spark user does: Spark SQL with Iceberg's runtime jar, the table
 * through a Hadoop catalog, its history through the {@code snapshots} metadata table and time
 * travel. Uses only Spark's API, none of the job's code; scripts/cluster-test.sh compiles and runs
 * it on Spark's and Iceberg's jars (it is left out of the test compilation).
 *
 * <p>{@code SparkTableReader WAREHOUSE TABLE OUT.csv}: writes the current rows in {@link RowsCsv}'s
 * format, and prints the snapshots and the row count of the first one.
 */
public final class SparkTableReader {
  private SparkTableReader() {}

  public static void main(String[] args) throws IOException {
    String warehouse = args[0];
    String table = "lake." + args[1];
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("read the merged table")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config(
                "spark.sql.extensions",
                "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
            .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
            .config("spark.sql.catalog.lake.type", "hadoop")
            .config("spark.sql.catalog.lake.warehouse", warehouse)
            .getOrCreate();
    try {
      List<Row> rows =
          spark
              .sql(
                  "SELECT meter, unix_millis(window_start), unix_millis(window_end), energy_mwh,"
                      + " power_min_mw, power_max_mw, power_mean_mw, readings, register_resets FROM "
                      + table)
              .collectAsList();
      try (PrintWriter out =
          new PrintWriter(Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8))) {
        for (Row r : rows) {
          out.println(
              RowsCsv.line(
                  r.getString(0),
                  r.getLong(1),
                  r.getLong(2),
                  r.getDouble(3),
                  r.getDouble(4),
                  r.getDouble(5),
                  r.getDouble(6),
                  r.getLong(7),
                  r.getInt(8)));
        }
      }
      List<Row> snapshots =
          spark
              .sql(
                  "SELECT snapshot_id, committed_at, operation FROM "
                      + table
                      + ".snapshots ORDER BY committed_at")
              .collectAsList();
      for (Row s : snapshots) {
        System.out.println("snapshot " + s.getLong(0) + " " + s.get(1) + " " + s.getString(2));
      }
      long first =
          spark
              .sql(
                  "SELECT count(*) FROM " + table + " VERSION AS OF " + snapshots.get(0).getLong(0))
              .first()
              .getLong(0);
      System.out.printf(
          "Spark read %,d rows of %s (%d snapshots; the first had %,d rows)%n",
          rows.size(), table, snapshots.size(), first);
    } finally {
      spark.stop();
    }
  }
}
