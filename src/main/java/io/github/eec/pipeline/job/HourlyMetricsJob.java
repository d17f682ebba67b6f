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
import io.github.eec.pipeline.rollup.RollUpConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * One run of the job: checks the options, runs the pipeline to completion in a staging folder and
 * publishes its results (only the rejects, kept in staging, when too many lines were rejected).
 */
public final class HourlyMetricsJob {
  private HourlyMetricsJob() {}

  /**
   * Runs the job; warnings about the run go to {@code warnings}. Throws {@link
   * InvalidOptionException} for options refused before the start and {@link RunFailedException} for
   * a run that started and failed.
   */
  public static Outcome run(HourlyMetricsOptions options, PrintStream warnings) throws IOException {
    AwsRegionDefault.applyUnlessS3(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<MatchResult.Metadata> inputFiles = OptionsValidator.validate(options);
    if (DirectRunnerMemoryCheck.appliesTo(options)) {
      DirectRunnerMemoryCheck.warning(inputFiles, Runtime.getRuntime().maxMemory())
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
    RollUpConfig rollUps = RollUpInputs.of(options);
    Pipeline pipeline = Pipeline.create(options);
    String stagedRejects = publisher.stagingDir(ResultPublisher.REJECTS);
    HourlyMetricsPipeline.build(pipeline, options, rollUps, publisher::stagingDir);
    boolean keepStaging = false;
    try {
      RunSummary summary = RunSummary.of(runToCompletion(pipeline));
      if (summary.rejectedFraction() > options.getMaxRejectedFraction()) {
        keepStaging = true; // its rejects are what the user needs to look at
        return new Outcome(summary, true, null, stagedRejects);
      }
      publisher.publish(OutputFolders.ALL.toArray(new String[0]));
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
}
