package io.github.eec.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the hourly metrics job; `--help=` with this interface's name documents them. */
public interface HourlyMetricsOptions extends PipelineOptions {

  @Description(
      "Input file glob of CSV readings `meter,time,energy,power` (local, hdfs://, s3://, ...). "
          + "Compressed files are read by extension (.gz, .bz2, .zst, ...).")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Output folder. Metrics go to OUTPUT/hourly/*.parquet, rejected lines to "
          + "OUTPUT/rejects/*.jsonl.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Time zone of timestamps that carry no offset, as a java.time zone id (UTC, Europe/Paris, "
          + "+02:00). Output hours are always UTC hours.")
  @Default.String("UTC")
  String getTimeZone();

  void setTimeZone(String value);

  @Description(
      "Number of Parquet files of the hourly metrics. Fixed (never runner-chosen) so file names "
          + "are unique and stable across runners and reruns.")
  @Default.Integer(4)
  int getNumShards();

  void setNumShards(int value);

  @Description(
      "Replace results already in --output (hourly/ and rejects/ files of an earlier run). Without "
          + "it, a run refuses to start when --output already holds results, so reruns never mix "
          + "old and new files.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);
}
