package io.github.eec.pipeline.options;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * A warning before a DirectRunner run whose input will likely not fit its heap. The DirectRunner
 * reads every range of the input before the parse step has taken the lines, and keeps a bundle's
 * lines in memory until it commits, so its heap grows with the input (BENCHMARKS.md "Memory").
 * Saying so before the start is better than an OutOfMemoryError minutes later; it stays a warning,
 * as the estimate is rough and a larger {@code -Xmx} is a valid answer.
 */
public final class DirectRunnerMemoryCheck {
  /** Heap per byte of uncompressed CSV, as measured on the benchmark sets (BENCHMARKS.md). */
  static final double HEAP_PER_INPUT_BYTE = 4.0;

  /** What a compressed file of readings expands to, roughly (gzip of the generator's CSV). */
  static final double COMPRESSED_EXPANSION = 3.5;

  private DirectRunnerMemoryCheck() {}

  /** Whether the options run the job on the DirectRunner. */
  public static boolean appliesTo(HourlyMetricsOptions options) {
    return options.getRunner() != null
        && options.getRunner().getSimpleName().equals("DirectRunner");
  }

  /**
   * The warning, if the input files (as {@link OptionsValidator#validate} matched them) need more
   * than {@code maxHeapBytes} by the estimate above.
   */
  public static Optional<String> warning(List<MatchResult.Metadata> inputFiles, long maxHeapBytes) {
    long uncompressed = 0;
    for (MatchResult.Metadata file : inputFiles) {
      boolean compressed = isCompressed(file.resourceId().getFilename());
      uncompressed += (long) (file.sizeBytes() * (compressed ? COMPRESSED_EXPANSION : 1.0));
    }
    double needed = uncompressed * HEAP_PER_INPUT_BYTE;
    if (needed <= maxHeapBytes) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "warning: the DirectRunner keeps the input's lines in memory: ~%s of input may need ~%s of "
                + "heap, more than this JVM's %s. Use the FlinkRunner locally (scripts/run flink-local, "
                + "bounded memory) or a larger -Xmx.",
            size(uncompressed),
            size((long) needed),
            size(maxHeapBytes)));
  }

  private static boolean isCompressed(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return n.endsWith(".gz")
        || n.endsWith(".bz2")
        || n.endsWith(".zip")
        || n.endsWith(".zst")
        || n.endsWith(".deflate")
        || n.endsWith(".lzo")
        || n.endsWith(".snappy");
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }
}
