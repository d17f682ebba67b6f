package io.github.eec.pipeline.options;

import io.github.eec.pipeline.aggregate.InterpolateHourlyEnergy;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.output.WriteHourlyParquet;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the hourly metrics job; {@code --help} lists them with their defaults. */
public interface HourlyMetricsOptions extends PipelineOptions {

  @Description(
      "Input file glob of CSV readings `meter,time,energy,power` (local, hdfs://, s3://, ...). "
          + "Compressed files are read by extension (.gz, .bz2, .zst, ...). Quote it so the shell "
          + "does not expand it.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Output folder. Metrics go to OUTPUT/hourly/*.parquet, rejected lines to "
          + "OUTPUT/rejects/*.jsonl, and OUTPUT/_SUCCESS marks a complete result.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Time zone of timestamps that carry no offset, as a java.time zone id (UTC, Europe/Paris, "
          + "+02:00). Output hours are always UTC hours.")
  @Default.String(ReadingRules.DEFAULT_TIME_ZONE)
  String getTimeZone();

  void setTimeZone(String value);

  @Description(
      "Number of Parquet files of the hourly metrics (with --merge: per day). Fixed (never "
          + "runner-chosen) so file names are unique and stable across runners and reruns.")
  @Default.Integer(WriteHourlyParquet.DEFAULT_NUM_SHARDS)
  int getNumShards();

  void setNumShards(int value);

  @Description(
      "Replace results already in --output. Without it, a run refuses to start when --output "
          + "already holds results. The old results stay in place until the new run has succeeded.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description(
      "Count a reading only once when several lines have the same meter and time (at-least-once "
          + "delivery upstream); the one kept is the smallest by (energy, power). Costs a shuffle "
          + "of every reading, grouped by meter and hour.")
  @Default.Boolean(false)
  boolean getDedupe();

  void setDedupe(boolean value);

  @Description(
      "Fail the run (exit code 3) when more than this share of the input lines is rejected; the "
          + "rejects are still written, the hourly results are not published. 1 disables the check.")
  @Default.Double(0.05)
  double getMaxRejectedFraction();

  void setMaxRejectedFraction(double value);

  @Description("Reject readings with power above this ceiling, in mW (default 1 GW).")
  @Default.Double(ReadingRules.DEFAULT_MAX_POWER_MW)
  double getMaxPowerMw();

  void setMaxPowerMw(double value);

  @Description(
      "Reject readings whose energy register is above this ceiling, in mWh (default 1 PWh).")
  @Default.Double(ReadingRules.DEFAULT_MAX_ENERGY_MWH)
  double getMaxEnergyMwh();

  void setMaxEnergyMwh(double value);

  @Description("Reject readings before this instant (ISO-8601, e.g. 2000-01-01T00:00:00Z).")
  @Default.String(ReadingRules.DEFAULT_EARLIEST_TIME)
  String getEarliestTime();

  void setEarliestTime(String value);

  @Description("Reject readings at or after this instant (ISO-8601, e.g. 2100-01-01T00:00:00Z).")
  @Default.String(ReadingRules.DEFAULT_LATEST_TIME)
  String getLatestTime();

  void setLatestTime(String value);

  @Description(
      "How many groups the per-meter interpolation step spreads the meters over (by a hash of the "
          + "meter id). It changes how the work is split, never the result. Default 65536 (about one "
          + "meter per group: any parallelism, small groups); on the DirectRunner, which pays a fixed "
          + "cost per group and step, the job sets 16 unless this is given.")
  @Default.Integer(InterpolateHourlyEnergy.MANY_GROUPS)
  int getMeterGroups();

  void setMeterGroups(int value);

  @Description(
      "On the DirectRunner, the most lines the read step may be ahead of the parse step. It keeps "
          + "what a step outputs in memory until the next step has taken it, so without a bound it "
          + "reads the whole input first: with one, its heap stays small whatever the input's size "
          + "(each file is then read block after block). The job sets "
          + RunnerDefaults.DIRECT_READ_AHEAD_LINES
          + " unless this is given; 0: no bound. Other runners pass each line on themselves and "
          + "ignore it.")
  @Default.Long(0)
  long getReadAheadLines();

  void setReadAheadLines(long value);

  @Description(
      "A meter registry: a CSV file with a header naming at least meter,region,time_zone (an IANA "
          + "zone id, whole-hour offsets); further columns are attributes carried into the roll-ups. "
          + "With it, daily roll-ups are in each meter's zone and regional roll-ups are written.")
  String getMeterRegistry();

  void setMeterRegistry(String value);

  @Description(
      "Also write a row for every hour without readings between a meter's first and last reading "
          + "(readings 0, no power values, energy by interpolation, estimated=true), so a meter's "
          + "hourly energies add up to its consumption.")
  @Default.Boolean(false)
  boolean getFillGaps();

  void setFillGaps(boolean value);

  @Description(
      "A time-of-use schedule: named periods by weekday and local clock time on hour boundaries "
          + "(e.g. 'peak: Mon-Fri 17:00-21:00', 'offpeak: otherwise'); the daily roll-up gets the "
          + "energy of each period. See README \"Roll-ups\".")
  String getTouSchedule();

  void setTouSchedule(String value);

  @Description(
      "Also write each output as one CSV file with a header under OUTPUT/csv/ (hourly.csv, "
          + "daily.csv, ...), for spreadsheets and BI tools.")
  @Default.Boolean(false)
  boolean getCsv();

  void setCsv(boolean value);

  @Description(
      "Merge this run's readings into the Apache Iceberg table of --table under --output (created "
          + "when there is none): the table afterwards holds exactly the rows one plain run over all "
          + "the files merged so far would write. Files merged before (same size and SHA-256) are "
          + "skipped. See README \"Daily runs\".")
  @Default.Boolean(false)
  boolean getMerge();

  void setMerge(boolean value);

  @Description("With --merge: the table, as NAMESPACE.NAME.")
  @Default.String("eec.hourly")
  String getTable();

  void setTable(String value);

  @Description(
      "With --merge: the Iceberg catalog. hadoop (default): the table's metadata on a file system "
          + "(local or hdfs://), under --warehouse; jdbc: a JDBC catalog at --catalogUri (for object "
          + "stores, where a file system catalog is not safe), data files under --warehouse.")
  @Default.String("hadoop")
  String getCatalog();

  void setCatalog(String value);

  @Description(
      "With --catalog=jdbc: the catalog database, e.g. jdbc:sqlite:/data/eec/catalog.db (SQLite is "
          + "bundled; other databases need their JDBC driver on the class path).")
  String getCatalogUri();

  void setCatalogUri(String value);

  @Description("With --merge: the Iceberg warehouse folder. Default: OUTPUT/warehouse.")
  String getWarehouse();

  void setWarehouse(String value);

  @Description(
      "With --merge: take a file whose path was merged before but whose content differs as new "
          + "readings (its readings are added). Without it, such a file stops the merge (exit 2).")
  @Default.Boolean(false)
  boolean getMergeChangedFiles();

  void setMergeChangedFiles(boolean value);

  @Description(
      "Write OUTPUT/report.html after the run: one self-contained HTML page with charts of the "
          + "load and of the data's quality (rejects, coverage per meter and day, top consumers, "
          + "hourly energy distribution); in merge mode also OUTPUT/reports/RUN_ID.html. false "
          + "writes none (and removes OUTPUT/report.html, which would describe an older run).")
  @Default.Boolean(true)
  boolean getReport();

  void setReport(boolean value);

  @Description(
      "When the run fails, also print the error's stack trace (by default one line that says what "
          + "failed, naming the input file where one is the cause).")
  @Default.Boolean(false)
  boolean getVerbose();

  void setVerbose(boolean value);
}
