package io.github.eec.pipeline;

import io.github.eec.pipeline.aggregate.InterpolateHourlyEnergy;
import io.github.eec.pipeline.metrics.RunSummary;
import io.github.eec.pipeline.options.DirectRunnerMemoryCheck;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.output.ResultPublisher;
import io.github.eec.pipeline.output.WriteHourlyParquet;
import io.github.eec.pipeline.output.WriteRejects;
import io.github.eec.pipeline.parse.ReadLinesWithFileName;
import io.github.eec.pipeline.parse.ReadingRules;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Meter readings (CSV) to hourly metrics (Parquet). The whole shape is in {@link #build}; {@link
 * #main} validates the options, runs the job, publishes its results and prints the run summary.
 *
 * <p>Exit codes: 0 done; 1 the run failed; 2 bad options or output folder; 3 too many rejected
 * lines (see {@code --maxRejectedFraction}).
 */
public final class HourlyMetricsPipeline {
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_BAD_OPTIONS = 2;
  public static final int EXIT_TOO_MANY_REJECTS = 3;

  private HourlyMetricsPipeline() {}

  /**
   * Builds the whole pipeline, writing to the given folders, and returns the hourly rows and
   * rejects it writes, so tests assert on exactly what {@code main} runs.
   */
  public static PCollectionTuple build(
      Pipeline pipeline, HourlyMetricsOptions options, String hourlyDir, String rejectsDir) {
    PCollectionTuple results =
        pipeline
            .apply("ReadLines", new ReadLinesWithFileName(options.getInput()))
            .apply(
                "ComputeHourlyMetrics",
                new ComputeHourlyMetrics(ReadingRules.from(options), options.getDedupe(), meterGroups(options)));
    results
        .get(ComputeHourlyMetrics.HOURLY)
        .apply("WriteHourlyParquet", new WriteHourlyParquet(hourlyDir, options.getNumShards()));
    results.get(ComputeHourlyMetrics.REJECTS).apply("WriteRejects", new WriteRejects(rejectsDir));
    return results;
  }

  /**
   * {@code --meterGroups}, or its automatic value: few groups on the DirectRunner, which evaluates
   * every group in every later step as a bundle of its own (1,800 meters in 1,800 groups: 100 MB in
   * 33 s instead of 14 s), and a group for about every meter elsewhere.
   */
  static int meterGroups(HourlyMetricsOptions options) {
    if (options.getMeterGroups() > 0) {
      return options.getMeterGroups();
    }
    return isDirectRunner(options) ? InterpolateHourlyEnergy.FEW_GROUPS : InterpolateHourlyEnergy.MANY_GROUPS;
  }

  /** A failure while the pipeline ran, as opposed to options refused before it started. */
  public static final class RunFailedException extends RuntimeException {
    RunFailedException(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** How a run ended: its counters, and whether it exceeded the rejected-lines limit. */
  public static final class Outcome {
    public final RunSummary summary;
    public final boolean tooManyRejects;
    public final String hourlyDir;
    public final String rejectsDir;

    Outcome(RunSummary summary, boolean tooManyRejects, String hourlyDir, String rejectsDir) {
      this.summary = summary;
      this.tooManyRejects = tooManyRejects;
      this.hourlyDir = hourlyDir;
      this.rejectsDir = rejectsDir;
    }
  }

  /**
   * Validates the options, runs the job to completion in a staging folder and publishes its results
   * (only the rejects when too many lines were rejected). Options errors are {@link
   * IllegalArgumentException}s with a one-line message.
   */
  public static Outcome run(HourlyMetricsOptions options) throws IOException {
    return run(options, System.err);
  }

  /** {@link #run(HourlyMetricsOptions)}, with warnings about the run written to {@code warnings}. */
  public static Outcome run(HourlyMetricsOptions options, PrintStream warnings) throws IOException {
    skipAwsRegionLookupWithoutS3(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<MatchResult.Metadata> inputFiles = OptionsValidator.validate(options);
    if (isDirectRunner(options)) {
      DirectRunnerMemoryCheck.warning(inputFiles, Runtime.getRuntime().maxMemory())
          .ifPresent(warnings::println);
    }
    ResultPublisher publisher = new ResultPublisher(options.getOutput());
    publisher.checkBeforeRun(options.getOverwrite());
    Pipeline pipeline = Pipeline.create(options);
    String stagedRejects = publisher.stagingDir(ResultPublisher.REJECTS);
    build(pipeline, options, publisher.stagingDir(ResultPublisher.HOURLY), stagedRejects);
    boolean keepStaging = false;
    try {
      PipelineResult result;
      PipelineResult.State state;
      try {
        result = pipeline.run();
        state = result.waitUntilFinish();
      } catch (RuntimeException e) {
        // Whatever the runner throws (an IllegalArgumentException from a DoFn included) is a
        // failed run, not a bad option: said apart here rather than guessed from a stack trace.
        throw new RunFailedException(e);
      }
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended in state " + state);
      }
      RunSummary summary = RunSummary.of(result);
      if (summary.rejectedFraction() > options.getMaxRejectedFraction()) {
        keepStaging = true; // its rejects are what the user needs to look at
        return new Outcome(summary, true, null, stagedRejects);
      }
      publisher.publish(ResultPublisher.HOURLY, ResultPublisher.REJECTS);
      return new Outcome(
          summary, false, publisher.finalDir(ResultPublisher.HOURLY), publisher.finalDir(ResultPublisher.REJECTS));
    } finally {
      if (!keepStaging) {
        publisher.cleanUp();
      }
    }
  }

  /**
   * Registering the file systems builds an S3 client configuration, and without a region set (the
   * {@code aws.region} property, {@code AWS_REGION}, a profile or {@code --awsRegion}) the AWS SDK
   * asks the EC2 instance metadata service for one: about 1 s of time-outs at every start off EC2.
   * A run that touches no {@code s3://} path never uses that region, so it gets a placeholder;
   * a run on S3 keeps the SDK's own lookup.
   */
  static void skipAwsRegionLookupWithoutS3(HourlyMetricsOptions options) {
    boolean usesS3 = isS3(options.getInput()) || isS3(options.getOutput());
    if (!usesS3 && System.getProperty("aws.region") == null && System.getenv("AWS_REGION") == null) {
      System.setProperty("aws.region", "us-east-1");
    }
  }

  private static boolean isS3(String path) {
    return path != null && path.trim().toLowerCase(Locale.ROOT).startsWith("s3://");
  }

  public static void main(String[] args) {
    int code = runFromCommandLine(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** {@link #main} without the exit, for tests: returns the exit code. */
  public static int runFromCommandLine(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(HourlyMetricsOptions.class);
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      PipelineOptionsFactory.printHelp(out, HourlyMetricsOptions.class);
      return 0;
    }
    HourlyMetricsOptions options;
    Outcome outcome;
    try {
      // Beam's own parsing reports unknown options, bad values, unknown runners, missing --input.
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(HourlyMetricsOptions.class);
      String[] withDefaults = withRunnerDefaults(args, runnerName(options));
      if (withDefaults.length != args.length) {
        options = PipelineOptionsFactory.fromArgs(withDefaults).withValidation().as(HourlyMetricsOptions.class);
      }
      outcome = run(options, err);
    } catch (RunFailedException e) {
      return failed((Exception) e.getCause(), err);
    } catch (IllegalArgumentException e) {
      err.println("error: " + firstLine(e.getMessage()));
      err.println("Run with --help to list the options.");
      return EXIT_BAD_OPTIONS;
    } catch (Exception e) {
      return failed(e, err);
    }
    out.print(outcome.summary.format(outcome.hourlyDir == null ? "(not published)" : outcome.hourlyDir, outcome.rejectsDir));
    if (outcome.tooManyRejects) {
      err.printf(
          "error: %.2f%% of the lines were rejected, above --maxRejectedFraction=%s; the hourly results "
              + "were not published; the rejects are in %s%n",
          100 * outcome.summary.rejectedFraction(), options.getMaxRejectedFraction(), outcome.rejectsDir);
      return EXIT_TOO_MANY_REJECTS;
    }
    return 0;
  }

  /**
   * {@code args} plus the options the job sets for a runner unless the command line gives them:
   *
   * <ul>
   *   <li>DirectRunner: its immutability and encodability checks off. They clone every element (1M
   *       lines: 34 s with them, 13 s without) to catch DoFn bugs during development; the test suite
   *       runs every transform with them on.
   *   <li>SparkRunner: {@code --storageLevel=MEMORY_AND_DISK_SER}. The runner caches the parse
   *       step's output (it has two: partials and rejects); {@code MEMORY_ONLY}, its default, keeps it
   *       as objects and, when memory runs short, drops blocks and recomputes them from the input.
   *       Serialized with the compact coders it is smaller and spills to disk instead: 3 GB in a
   *       512 MB heap 113 s -> 88 s; 1 GB with a 6 GB heap 33.9 s -> 32.2 s (medians of 3).
   * </ul>
   */
  static String[] withRunnerDefaults(String[] args, String runner) {
    List<String> out = new ArrayList<>(Arrays.asList(args));
    if (runner.equals("DirectRunner") && !mentions(args, "--enforceImmutability") && !mentions(args, "--enforceEncodability")) {
      out.add("--enforceImmutability=false");
      out.add("--enforceEncodability=false");
    }
    if (runner.equals("SparkRunner") && !mentions(args, "--storageLevel")) {
      out.add("--storageLevel=MEMORY_AND_DISK_SER");
    }
    return out.toArray(new String[0]);
  }

  private static boolean isDirectRunner(HourlyMetricsOptions options) {
    return runnerName(options).equals("DirectRunner");
  }

  private static String runnerName(HourlyMetricsOptions options) {
    return options.getRunner() == null ? "" : options.getRunner().getSimpleName();
  }

  private static boolean mentions(String[] args, String option) {
    for (String a : args) {
      if (a.equals(option) || a.startsWith(option + "=")) {
        return true;
      }
    }
    return false;
  }

  private static int failed(Exception e, PrintStream err) {
    err.println("error: the run failed: " + firstLine(String.valueOf(e.getMessage())));
    e.printStackTrace(err);
    return EXIT_FAILED;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
