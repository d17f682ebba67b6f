package io.github.eec.pipeline.options;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * A warning before a DirectRunner run whose input will likely not fit its heap. The DirectRunner
 * keeps a bundle's lines in memory until the next step has taken them. With a read-ahead bound
 * ({@code --readAheadLines}, its default) it holds that many lines, plus a compressed file whole
 * (it cannot be entered mid-way, so it is one block); without one, it reads the whole input before
 * the parse step takes a line (BENCHMARKS.md "Memory"). Saying so before the start is better than
 * an OutOfMemoryError minutes later; it stays a warning, as the estimate is rough and a larger
 * {@code -Xmx} is a valid answer.
 */
public final class DirectRunnerMemoryCheck {
  /** Heap per byte of uncompressed CSV, as measured on the benchmark sets (BENCHMARKS.md). */
  static final double HEAP_PER_INPUT_BYTE = 4.0;

  /** What a compressed file of readings expands to, roughly (gzip of the generator's CSV). */
  static final double COMPRESSED_EXPANSION = 3.5;

  /** Heap per line read ahead: the line, its file name's reference and the runner's wrappers. */
  static final long HEAP_PER_LINE = 200;

  private DirectRunnerMemoryCheck() {}

  /** Whether the options run the job on the DirectRunner. */
  public static boolean appliesTo(HourlyMetricsOptions options) {
    return options.getRunner() != null
        && options.getRunner().getSimpleName().equals("DirectRunner");
  }

  /**
   * The warning, if the input files (as {@link OptionsValidator#validate} matched them) need more
   * than {@code maxHeapBytes} by the estimate above, with {@code readAheadLines} as the read-ahead
   * bound (0: none).
   */
  public static Optional<String> warning(
      List<MatchResult.Metadata> inputFiles, long maxHeapBytes, long readAheadLines) {
    long all = 0;
    long largestCompressed = 0;
    for (MatchResult.Metadata file : inputFiles) {
      boolean compressed = isCompressed(file.resourceId().getFilename());
      long bytes = (long) (file.sizeBytes() * (compressed ? COMPRESSED_EXPANSION : 1.0));
      all += bytes;
      if (compressed) {
        largestCompressed = Math.max(largestCompressed, bytes);
      }
    }
    long whole = readAheadLines == 0 ? all : largestCompressed;
    double needed = whole * HEAP_PER_INPUT_BYTE + readAheadLines * (double) HEAP_PER_LINE;
    if (needed <= maxHeapBytes) {
      return Optional.empty();
    }
    String what =
        readAheadLines == 0
            ? String.format(
                Locale.ROOT,
                "the DirectRunner without a read-ahead bound (--readAheadLines=0) keeps the input's "
                    + "lines in memory: ~%s of input",
                size(all))
            : String.format(
                Locale.ROOT,
                "the DirectRunner reads a compressed file whole: the largest, ~%s uncompressed, and "
                    + "%d lines read ahead",
                size(largestCompressed),
                readAheadLines);
    return Optional.of(
        String.format(
            Locale.ROOT,
            "warning: %s may need ~%s of heap, more than this JVM's %s. Use the FlinkRunner locally "
                + "(scripts/run flink-local, bounded memory), uncompressed or smaller files, or a "
                + "larger -Xmx.",
            what,
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
