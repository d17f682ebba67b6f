package io.github.eec.pipeline.cli;

import io.github.eec.pipeline.job.HourlyMetricsJob;
import io.github.eec.pipeline.job.MergeIntoTableJob;
import io.github.eec.pipeline.job.Outcome;
import io.github.eec.pipeline.job.RunFailedException;
import io.github.eec.pipeline.merge.MergeConflictException;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.options.OptionsParser;
import io.github.eec.pipeline.options.StreamingOptions;
import io.github.eec.pipeline.stream.StreamingJob;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The job's command line: {@code --help}, the options, the run summary on stdout, and one line on
 * stderr with an {@link ExitCode} when something goes wrong.
 */
public final class CommandLine {
  private CommandLine() {}

  /** Runs the job for {@code args}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      PipelineOptionsFactory.register(HourlyMetricsOptions.class);
      PipelineOptionsFactory.printHelp(out, HourlyMetricsOptions.class);
      PipelineOptionsFactory.register(StreamingOptions.class);
      PipelineOptionsFactory.printHelp(out, StreamingOptions.class);
      return ExitCode.DONE;
    }
    if (StreamingJob.requested(args)) {
      return StreamingJob.run(args, out, err);
    }
    HourlyMetricsOptions options = null;
    Outcome outcome;
    try {
      options = OptionsParser.parse(args);
      outcome =
          options.getMerge()
              ? MergeIntoTableJob.run(options, err)
              : HourlyMetricsJob.run(options, err);
    } catch (InvalidOptionException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help to list the options.");
      return ExitCode.BAD_OPTIONS;
    } catch (MergeConflictException e) {
      err.println("error: " + e.getMessage());
      err.println(
          "Nothing of this merge was published; run it again to merge its files into the new version.");
      return ExitCode.MERGE_CONFLICT;
    } catch (RunFailedException e) {
      return failed(e.getMessage(), e, options, err);
    } catch (Exception e) {
      return failed(e.getClass().getSimpleName() + ": " + e.getMessage(), e, options, err);
    }
    out.print(
        outcome
            .summary()
            .format(
                outcome.hourlyDir() == null ? "(not published)" : outcome.hourlyDir(),
                outcome.rejectsDir() == null ? "(none)" : outcome.rejectsDir()));
    if (outcome.merge() != null) {
      out.print(outcome.merge().format());
    }
    if (outcome.report() != null) {
      out.printf("  %-22s %s%n", "report", outcome.report());
    }
    if (outcome.tooManyRejects()) {
      err.printf(
          "error: %.2f%% of the lines were rejected, above --maxRejectedFraction=%s; the hourly results "
              + "were not published; the rejects are in %s%s%n",
          100 * outcome.summary().rejectedFraction(),
          options.getMaxRejectedFraction(),
          outcome.rejectsDir(),
          outcome.report() == null ? "" : ", the run report in " + outcome.report());
      return ExitCode.TOO_MANY_REJECTS;
    }
    return ExitCode.DONE;
  }

  private static int failed(
      String what, Exception e, HourlyMetricsOptions options, PrintStream err) {
    err.println("error: the run failed: " + what);
    if (options != null && options.getVerbose()) {
      e.printStackTrace(err);
    } else {
      err.println("Run with --verbose=true for the stack trace.");
    }
    return ExitCode.FAILED;
  }
}
