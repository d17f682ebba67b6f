package io.github.eec.pipeline.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run's report ({@code OUTPUT/report.html}) after the run, in {@code main}, from the
 * run's outputs and counters. A report is an extra: whatever goes wrong while building or writing
 * it is a warning, never a failed run, and leaves no report of an older run in its place.
 */
public final class RunReport {
  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

  private RunReport() {}

  /**
   * Writes the report of {@code run} to its destinations, unless {@code --report=false}; returns
   * the first destination, or null when none was written.
   */
  public static String write(RunRecord run, PrintStream warnings) {
    if (run.destinations().isEmpty()) {
      return null;
    }
    if (!run.options().getReport()) {
      deleteQuietly(run.destinations());
      return null;
    }
    try {
      long start = System.nanoTime();
      ReportData data = ReportData.gather(run);
      String page = ReportPage.render(run, data);
      double seconds = (System.nanoTime() - start) / 1e9;
      page =
          page.replace(ReportPage.BUILD_TIME_MARK, String.format(Locale.ROOT, "%.2f s", seconds));
      byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
      for (String destination : run.destinations()) {
        writeFile(destination, bytes);
      }
      LOG.info(
          "run report {} ({} bytes, {} hourly rows) built in {} s",
          run.destinations().get(0),
          bytes.length,
          data.tally.rows(),
          String.format(Locale.ROOT, "%.2f", seconds));
      return run.destinations().get(0);
    } catch (Exception | LinkageError | OutOfMemoryError | StackOverflowError e) {
      warnings.println(
          "warning: no run report was written ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "); the run's results are not affected");
      LOG.debug("run report failed", e);
      deleteQuietly(run.destinations());
      return null;
    }
  }

  private static void writeFile(String path, byte[] bytes) throws IOException {
    ResourceId file = FileSystems.matchNewResource(path, false);
    try (WritableByteChannel ch = FileSystems.create(file, "text/html")) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
    }
  }

  /** Removes reports that would otherwise describe an older state of the output. */
  private static void deleteQuietly(List<String> paths) {
    List<ResourceId> files = new ArrayList<>();
    for (String p : paths) {
      files.add(FileSystems.matchNewResource(p, false));
    }
    try {
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove an old run report: {}", e.toString());
    }
  }
}
