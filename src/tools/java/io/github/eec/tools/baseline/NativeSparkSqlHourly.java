package io.github.eec.tools.baseline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The native baselines of BENCHMARKS.md: the same hourly metrics as a native Spark SQL (Dataset
 * API) job, written as well as we can: an explicit schema, aggregate per meter and hour first
 * (first and last reading with min_by/max_by), then the energy rule on the hourly rows with
 * lag/lead.
 *
 * <p>Usage: {@code NativeSparkSqlHourly [--clean] INPUT_GLOB OUTPUT_DIR [MASTER]} (default master
 * local[2]). Times in {@code yyyy-MM-dd HH:mm:ss} UTC, as the generator writes them. Two readers,
 * one hourly job ({@link #hourlyMetrics}):
 *
 * <ul>
 *   <li>default ("native"): the pipeline's validation as filters: a line that does not parse is
 *       dropped (DROPMALFORMED), fields are trimmed, and the pipeline's rejects (a blank meter, a
 *       negative, NaN or infinite value) are filtered out;
 *   <li>{@code --clean} ("native-clean"): what a skilled user writes for data known to be clean,
 *       tuned for speed: Spark's default (PERMISSIVE) reader and timestamp parser, no trimming, and
 *       only the rows with a null field or a blank meter dropped (an empty or unparsable field is
 *       null in PERMISSIVE mode: a repeated header, a bad time or number, a short line). Parsable
 *       but invalid values (a negative energy or power, NaN) are kept, and so is a line with a
 *       fifth field (PERMISSIVE drops the field), so a few hourly values differ from the default's
 *       (BENCHMARKS.md "Clean-data baseline").
 * </ul>
 */
public final class NativeSparkSqlHourly {
  private NativeSparkSqlHourly() {}

  public static void main(String[] args) {
    boolean clean = args[0].equals("--clean");
    int a = clean ? 1 : 0;
    String input = args[a];
    String output = args[a + 1];
    String master = args.length > a + 2 ? args[a + 2] : "local[2]";
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(clean ? "native-spark-sql-hourly-clean" : "native-spark-sql-hourly")
            .master(master)
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            // An impossible time ("28:03:33", a generator fault) is null, not an error.
            .config("spark.sql.legacy.timeParserPolicy", "CORRECTED");
    if (clean) {
      CLEAN_SETTINGS.forEach(
          (key, value) -> {
            // A -Dspark... given on the command line wins, so other settings can be measured.
            if (System.getProperty(key) == null) {
              builder.config(key, value);
            }
          });
    } else {
      builder.config("spark.sql.shuffle.partitions", "4");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    Dataset<Row> readings = clean ? readClean(spark, input) : readValidated(spark, input);
    hourlyMetrics(readings).write().mode("overwrite").parquet(output);
    // Read from the Parquet footers (no data pages): lets scripts/benchmark.sh check the row count.
    System.out.printf("hourly rows written %d%n", spark.read().parquet(output).count());
    spark.stop();
  }

  /**
   * The Spark settings of {@code --clean}, the fastest measured on the 1 GB file in local[2]
   * (BENCHMARKS.md "Clean-data baseline"): one input split per core (maxPartitionBytes is capped by
   * input size / cores) and one shuffle partition per core for the 43 k hourly rows: 5 % faster
   * than Spark's defaults (128 MB splits, 200 shuffle partitions coalesced by AQE).
   */
  private static final Map<String, String> CLEAN_SETTINGS =
      Map.of("spark.sql.files.maxPartitionBytes", "512m", "spark.sql.shuffle.partitions", "2");

  private static final StructType SCHEMA =
      new StructType()
          .add("meter", DataTypes.StringType)
          .add("time", DataTypes.TimestampType)
          .add("energy", DataTypes.DoubleType)
          .add("power", DataTypes.DoubleType);

  /** The readings with the pipeline's rejects filtered out. */
  static Dataset<Row> readValidated(SparkSession spark, String input) {
    return spark
        .read()
        .schema(SCHEMA)
        .option("header", "true")
        .option("mode", "DROPMALFORMED")
        .option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
        .option("ignoreLeadingWhiteSpace", "true")
        .option("ignoreTrailingWhiteSpace", "true")
        .csv(input)
        // The pipeline's rejects, as filters: a blank meter, no time, a negative, NaN or infinite
        // value (Spark reads "NaN" and "Infinity" as doubles, and NaN >= 0 is true in Spark SQL).
        .where(
            "meter IS NOT NULL AND meter <> '' AND time IS NOT NULL"
                + " AND energy BETWEEN 0 AND 1.7976931348623157E308"
                + " AND power BETWEEN 0 AND 1.7976931348623157E308");
  }

  /**
   * The readings of a file assumed clean: Spark's default reader (PERMISSIVE: a field that does not
   * parse is null) and timestamp parser (ISO, which reads {@code yyyy-MM-dd HH:mm:ss}: an explicit
   * {@code timestampFormat} was no faster), no trimming; rows with a null or blank field dropped.
   */
  static Dataset<Row> readClean(SparkSession spark, String input) {
    return spark
        .read()
        .schema(SCHEMA)
        .option("header", "true")
        .csv(input)
        // Without it a repeated header, a bad time or number, or a blank meter would be rows of
        // their own (a blank meter "  " is not null, hence the trim); costs nothing measurable.
        .where(
            "trim(meter) <> '' AND time IS NOT NULL AND energy IS NOT NULL AND power IS NOT NULL");
  }

  /** Per meter and hour: the metrics, with the README's energy rule across hour boundaries. */
  static Dataset<Row> hourlyMetrics(Dataset<Row> readings) {
    Dataset<Row> hourly =
        readings
            .withColumn("t", expr("unix_millis(time)"))
            .withColumn("hour", expr("floor(t / 3600000) * 3600000"))
            .groupBy("meter", "hour")
            .agg(
                count("*").alias("readings"),
                min("power").alias("power_min_mw"),
                max("power").alias("power_max_mw"),
                sum("power").alias("power_sum"),
                min("t").alias("first_t"),
                // Ordered by the time alone: a struct(t, energy) ordering (the README's tie rule
                // for
                // equal times) makes the buffer non-fixed-width, and Spark falls back from hash to
                // sort aggregation, which is slower (BENCHMARKS.md). Equal times with different
                // energies do not occur in the benchmark's data (a duplicate repeats the whole
                // line).
                expr("min_by(energy, t)").alias("first_e"),
                max("t").alias("last_t"),
                expr("max_by(energy, t)").alias("last_e"));

    WindowSpec byMeter = Window.partitionBy("meter").orderBy("hour");
    Dataset<Row> withNeighbours =
        hourly
            .withColumn("prev_t", lag("last_t", 1).over(byMeter))
            .withColumn("prev_e", lag("last_e", 1).over(byMeter))
            .withColumn("next_t", lead("first_t", 1).over(byMeter))
            .withColumn("next_e", lead("first_e", 1).over(byMeter));

    Column inside = consumption(col("first_e"), col("last_e"));
    Column start =
        when(col("prev_t").isNull().or(col("first_t").equalTo(col("hour"))), 0.0)
            .otherwise(
                consumption(col("prev_e"), col("first_e"))
                    .multiply(col("first_t").minus(col("hour")))
                    .divide(col("first_t").minus(col("prev_t"))));
    Column end =
        when(col("next_t").isNull(), 0.0)
            .otherwise(
                consumption(col("last_e"), col("next_e"))
                    .multiply(col("hour").plus(3_600_000L).minus(col("last_t")))
                    .divide(col("next_t").minus(col("last_t"))));
    Column resets =
        when(col("prev_e").isNotNull().and(col("first_e").lt(col("prev_e"))), 1)
            .otherwise(0)
            .plus(when(col("last_e").lt(col("first_e")), 1).otherwise(0));

    return withNeighbours.select(
        col("meter"),
        expr("timestamp_millis(hour)").alias("window_start"),
        expr("timestamp_millis(hour + 3600000)").alias("window_end"),
        start.plus(inside).plus(end).alias("energy_mwh"),
        col("power_min_mw"),
        col("power_max_mw"),
        col("power_sum").divide(col("readings")).alias("power_mean_mw"),
        col("readings"),
        resets.cast("int").alias("register_resets"));
  }

  /** The README's consumption between two anchors: the increase, or the new value after a reset. */
  private static Column consumption(Column from, Column to) {
    return when(to.geq(from), to.minus(from)).otherwise(to);
  }
}
