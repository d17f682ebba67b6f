package io.github.eec.pipeline.job;

import io.github.eec.pipeline.HourlyMetricsPipeline;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.options.AwsRegionDefault;
import io.github.eec.pipeline.options.DirectRunnerMemoryCheck;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.output.OutputFolders;
import io.github.eec.pipeline.output.ResultPublisher;
import io.github.eec.pipeline.report.RunRecord;
import io.github.eec.pipeline.report.RunReport;
import io.github.eec.pipeline.rollup.RollUpConfig;
import io.github.eec.pipeline.rollup.RollUps;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * One run of the job: checks the options, runs the pipeline to completion in a staging folder,
 * publishes its results (only the rejects, kept in staging, when too many lines were rejected) and
 * writes its report.
 */
public final class HourlyMetricsJob {
  /** The run report's file name, in the output folder (or with the rejects kept in staging). */
  public static final String REPORT = "report.html";

  private HourlyMetricsJob() {}

  /**
   * Runs the job; warnings about the run go to {@code warnings}. Throws {@link
   * InvalidOptionException} for options refused before the start and {@link RunFailedException} for
   * a run that started and failed.
   */
  public static Outcome run(HourlyMetricsOptions options, PrintStream warnings) throws IOException {
    RunRecord record = RunRecord.plain(options, Instant.now());
    Outcome outcome = runAndPublish(options, warnings, record);
    return outcome.withReport(RunReport.write(record, warnings));
  }

  private static Outcome runAndPublish(
      HourlyMetricsOptions options, PrintStream warnings, RunRecord record) throws IOException {
    AwsRegionDefault.applyUnlessS3(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<MatchResult.Metadata> inputFiles = OptionsValidator.validate(options);
    if (DirectRunnerMemoryCheck.appliesTo(options)) {
      DirectRunnerMemoryCheck.warning(
              inputFiles, Runtime.getRuntime().maxMemory(), options.getReadAheadLines())
          .ifPresent(warnings::println);
    }
    ResultPublisher publisher = new ResultPublisher(options.getOutput());
    if (publisher.holdsMergedTable()) {
      throw new InvalidOptionException(
          "output",
          "'"
              + options.getOutput()
              + "' holds a merged table (merge-state/, warehouse/): add to it with "
              + "--merge=true, or write a plain run to another folder");
    }
    refuseToReplaceUnlessAsked(publisher, options.getOverwrite());
    publisher.removeLeftoverStaging();
    record.withInputs(inputFiles);
    RollUpConfig rollUps = RollUpInputs.of(options);
    Pipeline pipeline = Pipeline.create(options);
    String stagedRejects = publisher.stagingDir(ResultPublisher.REJECTS);
    HourlyMetricsPipeline.build(pipeline, options, rollUps, publisher::stagingDir);
    boolean keepStaging = false;
    try {
      RunSummary summary = RunSummary.of(runToCompletion(pipeline));
      record.finished(Instant.now(), summary);
      if (summary.rejectedFraction() > options.getMaxRejectedFraction()) {
        keepStaging = true; // its rejects are what the user needs to look at, and the report
        record
            .ending(RunRecord.Ending.TOO_MANY_REJECTS)
            .withHourlyFiles(publisher.stagingDir(ResultPublisher.HOURLY) + "*.parquet")
            .withRegionalHourlyFiles(
                regional(rollUps, publisher.stagingDir(RollUps.REGIONAL_HOURLY)))
            .withRejects(stagedRejects)
            .writeTo(publisher.stagingFile(REPORT));
        return new Outcome(summary, true, null, stagedRejects);
      }
      // The old report describes the old results: it goes before they do, so a run killed
      // between publishing and writing its report leaves no report rather than a wrong one.
      publisher.deleteOutputFile(REPORT);
      publisher.publish(OutputFolders.ALL.toArray(new String[0]));
      record
          .withHourlyFiles(publisher.finalDir(ResultPublisher.HOURLY) + "*.parquet")
          .withRegionalHourlyFiles(regional(rollUps, publisher.finalDir(RollUps.REGIONAL_HOURLY)))
          .withRejects(publisher.finalDir(ResultPublisher.REJECTS))
          .writeTo(publisher.outputFile(REPORT));
      return new Outcome(
          summary,
          false,
          publisher.finalDir(ResultPublisher.HOURLY),
          publisher.finalDir(ResultPublisher.REJECTS));
    } finally {
      if (!keepStaging) {
        publisher.cleanUp();
      }
    }
  }

  private static void refuseToReplaceUnlessAsked(ResultPublisher publisher, boolean overwrite)
      throws IOException {
    List<ResourceId> existing = publisher.publishedFiles();
    if (!existing.isEmpty() && !overwrite) {
      throw new InvalidOptionException(
          "output",
          "already holds results of an earlier run ("
              + existing.size()
              + " files, e.g. "
              + existing.get(0)
              + "); pass --overwrite=true to replace them, or choose another --output");
    }
  }

  /**
   * Whatever the runner throws (an IllegalArgumentException from a DoFn included) is a failed run.
   */
  static PipelineResult runToCompletion(Pipeline pipeline) {
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = pipeline.run();
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      throw new RunFailedException(RunFailures.describe(e), e);
    }
    if (state != PipelineResult.State.DONE) {
      throw new RunFailedException("the pipeline ended in state " + state, null);
    }
    return result;
  }

  /** The regional hourly roll-up's files in {@code dir}, or null without a meter registry. */
  private static String regional(RollUpConfig rollUps, String dir) {
    return rollUps.registry() == null ? null : dir + "*.parquet";
  }
}
