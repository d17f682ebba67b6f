package io.github.eec.pipeline;

import io.github.eec.pipeline.cli.CommandLine;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.output.WriteHourlyParquet;
import io.github.eec.pipeline.output.WriteRejects;
import io.github.eec.pipeline.parse.ReadLinesWithFileName;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Meter readings (CSV) to hourly metrics (Parquet): the whole shape is {@link #build}. {@code main}
 * is the command line ({@link CommandLine}); a run and its publishing are {@code
 * job.HourlyMetricsJob}.
 */
public final class HourlyMetricsPipeline {
  private HourlyMetricsPipeline() {}

  public static void main(String[] args) {
    int code = CommandLine.run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Builds the whole pipeline, writing to the given folders, and returns the hourly rows and
   * rejects it writes, so tests assert on exactly what {@code main} runs.
   */
  public static PCollectionTuple build(
      Pipeline pipeline, HourlyMetricsOptions options, String hourlyDir, String rejectsDir) {
    PCollectionTuple results =
        pipeline
            .apply("ReadLines", ReadLinesWithFileName.from(options.getInput()))
            .apply(
                "ComputeHourlyMetrics",
                ComputeHourlyMetrics.create()
                    .withRules(OptionsValidator.readingRules(options))
                    .withDedupe(options.getDedupe())
                    .withMeterGroups(options.getMeterGroups()));
    results
        .get(ComputeHourlyMetrics.HOURLY)
        .apply(
            "WriteHourlyParquet",
            WriteHourlyParquet.to(hourlyDir).withNumShards(options.getNumShards()));
    results.get(ComputeHourlyMetrics.REJECTS).apply("WriteRejects", WriteRejects.to(rejectsDir));
    return results;
  }
}
