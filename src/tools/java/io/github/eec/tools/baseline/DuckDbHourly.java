package io.github.eec.tools.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The second baseline of BENCHMARKS.md (DuckDB with 2 threads, the strongest single-machine peer):
 * the same hourly metrics as {@link NativeSparkSqlHourly}, as one DuckDB SQL statement over plain
 * JDBC (in-memory database, no extension to install: the JDBC jar bundles parquet and icu).
 *
 * <p>Usage: {@code DuckDbHourly INPUT_GLOB OUTPUT_DIR [THREADS]} (default 2 threads). Writes {@code
 * OUTPUT_DIR/part-0.parquet} (snappy) and prints {@code hourly rows written N}.
 *
 * <p>Written as well as we can, and with the rules of the Spark baseline, so the two are compared
 * like for like:
 *
 * <ul>
 *   <li>An explicit schema and no CSV sniffing; times in {@code yyyy-MM-dd HH:mm:ss} UTC, as the
 *       generator writes them. A line that does not parse (an impossible time such as "28:03:33", a
 *       wrong field count, a bad number, a repeated header) is dropped by {@code ignore_errors},
 *       like Spark's DROPMALFORMED. The time is read as a TIMESTAMP without zone and all hour
 *       arithmetic is on it or on epoch milliseconds, so the session time zone never enters it.
 *   <li>The same filters: a non-blank meter (Spark trims the fields; the meter is trimmed here), a
 *       time, and energy and power finite and {@code >= 0} (DuckDB reads "NaN" and "Infinity" as
 *       doubles, and NaN compares greater than every number, so {@code isfinite} is needed).
 *   <li>Aggregate per meter and hour first (first and last reading with arg_min/arg_max by time),
 *       then the README's energy rule on the hourly rows with lag/lead, with exactly the formulas
 *       of NativeSparkSqlHourly (same operand order, so the same doubles).
 * </ul>
 *
 * <p>The output has the Spark baseline's columns; window_start and window_end are TIMESTAMP WITH
 * TIME ZONE, which DuckDB writes as Parquet timestamps adjusted to UTC (an instant, as Spark's
 * TIMESTAMP and the pipeline's timestamp-millis), built from epoch seconds, so independent of the
 * session time zone (which is set to UTC anyway).
 */
public final class DuckDbHourly {
  private DuckDbHourly() {}

  /** The README's consumption between two anchors: the increase, or the new value after a reset. */
  private static String consumption(String from, String to) {
    return "(CASE WHEN "
        + to
        + " >= "
        + from
        + " THEN "
        + to
        + " - "
        + from
        + " ELSE "
        + to
        + " END)";
  }

  /** The whole job: read, filter, aggregate per meter and hour, energy rule, write Parquet. */
  static String query(String input) {
    // ignore_errors drops a line only when a column the query uses fails to convert (projection
    // pushdown: a bare count(*) keeps the lines with a bad number). All four are used below.
    // The format is the Spark baseline's; DuckDB's default cast is laxer ("24:00:00" is the
    // next day, a date alone, fractions and 'T' are accepted).
    String readings =
        "SELECT trim(meter) AS meter, time, energy, power"
            + " FROM read_csv("
            + literal(input)
            + ","
            + " header = true, auto_detect = false, delim = ',',"
            + " columns = {'meter': 'VARCHAR', 'time': 'TIMESTAMP',"
            + " 'energy': 'DOUBLE', 'power': 'DOUBLE'},"
            + " timestampformat = '%Y-%m-%d %H:%M:%S', ignore_errors = true)"
            // The pipeline's rejects, as filters (a NULL, from an empty field, fails them too).
            + " WHERE trim(meter) <> '' AND time IS NOT NULL"
            + " AND isfinite(energy) AND energy >= 0 AND isfinite(power) AND power >= 0";
    // date_trunc floors (also before 1970, unlike integer division); epoch_ms of it is the Spark
    // baseline's floor(t / 3600000) * 3600000.
    String hourly =
        "SELECT meter, epoch_ms(date_trunc('hour', time)) AS hour,"
            + " count(*) AS readings,"
            + " min(power) AS power_min_mw, max(power) AS power_max_mw, sum(power) AS power_sum,"
            // Ordered by the time alone, as the Spark baseline: equal times with different energies
            // do not occur in the benchmark's data (a duplicate repeats the whole line).
            + " epoch_ms(min(time)) AS first_t, arg_min(energy, time) AS first_e,"
            + " epoch_ms(max(time)) AS last_t, arg_max(energy, time) AS last_e"
            + " FROM readings GROUP BY meter, date_trunc('hour', time)";
    String neighbours =
        "SELECT *,"
            + " lag(last_t) OVER w AS prev_t, lag(last_e) OVER w AS prev_e,"
            + " lead(first_t) OVER w AS next_t, lead(first_e) OVER w AS next_e"
            + " FROM hourly WINDOW w AS (PARTITION BY meter ORDER BY hour)";
    String start =
        "(CASE WHEN prev_t IS NULL OR first_t = hour THEN 0.0"
            + " ELSE "
            + consumption("prev_e", "first_e")
            + " * (first_t - hour) / (first_t - prev_t) END)";
    String inside = consumption("first_e", "last_e");
    String end =
        "(CASE WHEN next_t IS NULL THEN 0.0"
            + " ELSE "
            + consumption("last_e", "next_e")
            + " * (hour + 3600000 - last_t) / (next_t - last_t) END)";
    String resets =
        "((CASE WHEN prev_e IS NOT NULL AND first_e < prev_e THEN 1 ELSE 0 END)"
            + " + (CASE WHEN last_e < first_e THEN 1 ELSE 0 END))";
    return "WITH readings AS ("
        + readings
        + "),"
        + " hourly AS ("
        + hourly
        + "),"
        + " neighbours AS ("
        + neighbours
        + ")"
        + " SELECT meter,"
        // to_timestamp(epoch seconds) is an instant: no session time zone involved.
        + " to_timestamp(hour // 1000) AS window_start,"
        + " to_timestamp((hour + 3600000) // 1000) AS window_end,"
        + " "
        + start
        + " + "
        + inside
        + " + "
        + end
        + " AS energy_mwh,"
        + " power_min_mw, power_max_mw, power_sum / readings AS power_mean_mw, readings,"
        + " CAST("
        + resets
        + " AS INTEGER) AS register_resets"
        + " FROM neighbours";
  }

  public static void main(String[] args) throws IOException, SQLException {
    String input = args[0];
    Path output = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Files.createDirectories(output);
    Path file = output.resolve("part-0.parquet");
    Files.deleteIfExists(file);

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      // No ORDER BY anywhere: let the scan and the write run without keeping the input order.
      statement.execute("SET preserve_insertion_order = false");
      statement.execute("SET TimeZone = 'UTC'");
      // COPY's update count is the number of rows written.
      long rows =
          statement.executeUpdate(
              "COPY ("
                  + query(input)
                  + ") TO "
                  + literal(file.toString())
                  + " (FORMAT parquet, COMPRESSION snappy)");
      System.out.printf("hourly rows written %d%n", rows);
    }
  }

  /** A SQL string literal. */
  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
