package io.github.eec.pipeline;

import io.github.eec.pipeline.metrics.RunSummary;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.output.OutputLocation;
import io.github.eec.pipeline.output.WriteHourlyParquet;
import io.github.eec.pipeline.output.WriteRejects;
import io.github.eec.pipeline.parse.ReadLinesWithFileName;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Meter readings (CSV) to hourly metrics (Parquet). The whole shape is in {@link #build}; {@link
 * #main} parses options, runs it and prints the run summary.
 */
public final class HourlyMetricsPipeline {
  private HourlyMetricsPipeline() {}

  public static String hourlyDir(HourlyMetricsOptions options) {
    return join(options.getOutput(), "hourly");
  }

  public static String rejectsDir(HourlyMetricsOptions options) {
    return join(options.getOutput(), "rejects");
  }

  /**
   * Builds the whole pipeline and returns the hourly rows and rejects it writes, so tests assert on
   * exactly what {@code main} runs.
   */
  public static PCollectionTuple build(Pipeline pipeline, HourlyMetricsOptions options) {
    PCollectionTuple results =
        pipeline
            .apply("ReadLines", new ReadLinesWithFileName(options.getInput()))
            .apply("ComputeHourlyMetrics", new ComputeHourlyMetrics(options.getTimeZone()));
    results
        .get(ComputeHourlyMetrics.HOURLY)
        .apply("WriteHourlyParquet", new WriteHourlyParquet(hourlyDir(options), options.getNumShards()));
    results.get(ComputeHourlyMetrics.REJECTS).apply("WriteRejects", new WriteRejects(rejectsDir(options)));
    return results;
  }

  /** Runs the job to completion and returns its counters. */
  public static RunSummary run(HourlyMetricsOptions options) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    OutputLocation.prepare(options.getOverwrite(), hourlyDir(options), rejectsDir(options));
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    return RunSummary.of(result);
  }

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(HourlyMetricsOptions.class);
    HourlyMetricsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(HourlyMetricsOptions.class);
    RunSummary summary = run(options);
    System.out.print(summary.format(hourlyDir(options), rejectsDir(options)));
  }

  private static String join(String dir, String child) {
    return dir.endsWith("/") ? dir + child : dir + "/" + child;
  }
}
