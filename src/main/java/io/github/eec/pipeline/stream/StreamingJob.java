package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.options.RunnerDefaults;
import io.github.eec.pipeline.options.StreamingOptions;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The streaming job ({@code --inputTopic=...}): checks the options, runs {@link StreamingPipeline}
 * until it is stopped (or, with {@code --stopAfterIdleSeconds}, until the feed has ended) and
 * prints what it counted.
 */
public final class StreamingJob {
  private StreamingJob() {}

  /** The run started and failed (exit code 1). */
  public static final class StreamFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Whether {@code args} ask for the streaming job. */
  public static boolean requested(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith("--inputTopic"));
  }

  /** The command line of the streaming job; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    StreamingOptions options;
    StreamingConfig config;
    try {
      options = parse(args);
      config = StreamingConfig.of(options);
    } catch (InvalidOptionException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help to list the options.");
      return ExitCode.BAD_OPTIONS;
    }
    try {
      PipelineResult result = run(options, config);
      out.print(summary(result));
      return ExitCode.DONE;
    } catch (StreamFailedException e) {
      err.println("error: the run failed: " + e.getMessage());
      return ExitCode.FAILED;
    }
  }

  /** Parses and checks {@code args}, refusing a runner the job cannot run on. */
  public static StreamingOptions parse(String... args) {
    PipelineOptionsFactory.register(HourlyMetricsOptions.class);
    PipelineOptionsFactory.register(StreamingOptions.class);
    StreamingOptions options;
    try {
      options =
          PipelineOptionsFactory.fromArgs(RunnerDefaults.addToStreaming(args))
              .withValidation()
              .as(StreamingOptions.class);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid options" : e.getMessage();
      int nl = message.indexOf('\n');
      throw new InvalidOptionException(culprit(args), nl < 0 ? message : message.substring(0, nl));
    }
    String runner = options.getRunner().getSimpleName();
    if (runner.startsWith("SparkRunner") || runner.equals("TestSparkRunner")) {
      throw new InvalidOptionException(
          "runner",
          "the streaming job emits rows from event-time timers in a stateful step, which the classic "
              + "SparkRunner's streaming mode does not support (Beam 2.62); use --runner=FlinkRunner "
              + "or DirectRunner");
    }
    options.as(org.apache.beam.sdk.options.StreamingOptions.class).setStreaming(true);
    return options;
  }

  /** The argument Beam refuses on its own (its messages do not always name it), without "--". */
  private static String culprit(String[] args) {
    for (String arg : args) {
      try {
        PipelineOptionsFactory.fromArgs(arg).as(StreamingOptions.class);
      } catch (IllegalArgumentException e) {
        return arg.replaceFirst("^--", "");
      }
    }
    return "inputTopic";
  }

  /** Runs the job to its end (a finished feed, or cancellation). */
  public static PipelineResult run(StreamingOptions options, StreamingConfig config) {
    FileSystems.setDefaultPipelineOptions(options);
    Pipeline pipeline = Pipeline.create(options);
    StreamingPipeline.build(pipeline, config);
    try {
      PipelineResult result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new StreamFailedException("the pipeline ended in state " + state, null);
      }
      return result;
    } catch (RuntimeException e) {
      if (e instanceof StreamFailedException) {
        throw e;
      }
      throw new StreamFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The job's counters, one per line. */
  public static String summary(PipelineResult result) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(CounterNames.LINES_READ, "lines read");
    names.put(CounterNames.HEADER_LINES, "headers skipped");
    names.put(CounterNames.READINGS_ACCEPTED, "readings accepted");
    names.put(CounterNames.LINES_REJECTED, "lines rejected");
    names.put(StreamCounters.LATE_READINGS, "late readings (to late/)");
    names.put(CounterNames.HOURLY_ROWS, "hourly rows written");
    names.put(StreamCounters.ROWS_RESTATED, "rows restated");
    names.put(StreamCounters.ROWS_PROVISIONAL, "rows provisional");
    RunSummary counters = RunSummary.of(result);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> n : names.entrySet()) {
      sb.append(String.format("%-26s %d%n", n.getValue() + ":", counters.get(n.getKey())));
    }
    return sb.toString();
  }
}
