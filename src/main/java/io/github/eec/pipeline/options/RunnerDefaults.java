package io.github.eec.pipeline.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The options the job always wants on a runner, added to the command line unless it gives them.
 * Their one home: every way of starting the job (plain {@code java}, {@code spark-submit}, {@code
 * flink run}, the tests) goes through {@link OptionsParser}, so each gets them.
 *
 * <ul>
 *   <li>DirectRunner: its immutability and encodability checks off (they clone every element to
 *       catch DoFn bugs during development; the test suite runs every transform with them on), and
 *       16 meter groups: it evaluates every group in every later step as a bundle of its own; and a
 *       bound on how far the read runs ahead of the parse step ({@code --readAheadLines}), without
 *       which it holds the whole input in memory.
 *   <li>SparkRunner: the parse step's cached output serialized ({@code MEMORY_AND_DISK_SER}):
 *       smaller than objects, and spilled to disk instead of dropped and recomputed from the input
 *       when memory runs short; and the read (a splittable DoFn) handing its lines on through a
 *       bounded queue ({@code use_bounded_concurrent_output_for_sdf}) instead of collecting a whole
 *       read range's output first, which made G1 grow the heap to several GB. Given {@code
 *       --experiments} replace it.
 *   <li>FlinkRunner: no deep copy of every element between operators (the job's steps never modify
 *       their input), and bundles of up to a million elements, so the parse step pre-combines more
 *       readings per bundle. The streaming job ({@link #addToStreaming}) closes a bundle after at
 *       most a second and sends watermarks every 200 ms instead: a row waits for its bundle. And it
 *       keeps Beam's copies: its accumulators and per-meter state change in place, and Flink's heap
 *       state backend protects a checkpoint still being written by copying a state value before it
 *       changes, through the state's serializer, whose copy {@code --fasterCopy} makes a no-op; the
 *       checkpoint could then hold readings that came after it, counted twice after a restore.
 * </ul>
 *
 * The measurements behind each are in BENCHMARKS.md.
 */
public final class RunnerDefaults {
  /**
   * The DirectRunner's read-ahead: about four blocks of the read (a couple of hundred MB of heap),
   * enough to keep its threads parsing (BENCHMARKS.md "Memory").
   */
  public static final long DIRECT_READ_AHEAD_LINES = 1_000_000;

  private static final Map<String, List<String>> BY_RUNNER =
      Map.of(
          "DirectRunner",
              List.of(
                  "--enforceImmutability=false",
                  "--enforceEncodability=false",
                  "--meterGroups=16",
                  "--readAheadLines=" + DIRECT_READ_AHEAD_LINES),
          "SparkRunner",
              List.of(
                  "--storageLevel=MEMORY_AND_DISK_SER",
                  "--experiments=use_bounded_concurrent_output_for_sdf"),
          "FlinkRunner",
              List.of(
                  "--fasterCopy=true", "--maxBundleSize=1000000", "--maxBundleTimeMills=10000"));

  /** The streaming job's, where they differ: latency before bundle size. */
  private static final Map<String, List<String>> STREAMING_BY_RUNNER =
      Map.of(
          "FlinkRunner",
          List.of(
              "--fasterCopy=false",
              "--maxBundleSize=100000",
              "--maxBundleTimeMills=1000",
              "--autoWatermarkInterval=200"));

  private RunnerDefaults() {}

  /** The defaults of {@code runner} (a simple class name, e.g. FlinkRunner); none for others. */
  public static List<String> of(String runner) {
    return BY_RUNNER.getOrDefault(runner, List.of());
  }

  /**
   * {@code args} followed by the defaults of the runner they choose that they do not set; on
   * Flink's embedded cluster inside a foreign class loader (Maven's {@code exec:java}), also the
   * configuration that lets it run there ({@link EmbeddedFlinkClassPath}).
   */
  public static String[] addTo(String[] args) {
    String runner = runnerOf(args);
    return addTo(args, runner, of(runner));
  }

  /** {@link #addTo}, with the streaming job's defaults where they differ from the batch job's. */
  public static String[] addToStreaming(String[] args) {
    String runner = runnerOf(args);
    return addTo(args, runner, ofStreaming(runner));
  }

  /** The streaming job's defaults on {@code runner}: the batch job's unless they differ. */
  public static List<String> ofStreaming(String runner) {
    return STREAMING_BY_RUNNER.getOrDefault(runner, of(runner));
  }

  private static String[] addTo(String[] args, String runner, List<String> defaults) {
    List<String> out = new ArrayList<>(Arrays.asList(args));
    for (String option : defaults) {
      if (!mentions(args, option.substring(0, option.indexOf('=')))) {
        out.add(option);
      }
    }
    String[] withDefaults = out.toArray(new String[0]);
    if (!EmbeddedFlinkClassPath.needed(runner, withDefaults)) {
      return withDefaults;
    }
    try {
      return EmbeddedFlinkClassPath.withClassPath(withDefaults);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded Flink cluster's configuration", e);
    }
  }

  /**
   * The simple name of the runner {@code args} choose, resolved by Beam itself (registered names,
   * aliases, its default), from the {@code --runner} argument alone.
   */
  static String runnerOf(String[] args) {
    String[] runnerArg =
        Arrays.stream(args).filter(a -> a.startsWith("--runner=")).toArray(String[]::new);
    return PipelineOptionsFactory.fromArgs(runnerArg)
        .as(PipelineOptions.class)
        .getRunner()
        .getSimpleName();
  }

  private static boolean mentions(String[] args, String option) {
    for (String a : args) {
      if (a.equals(option) || a.startsWith(option + "=")) {
        return true;
      }
    }
    return false;
  }
}
