package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.tools.verify.ParquetRows;
import io.github.eec.tools.verify.StreamVsBatchRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a streaming run left in its output folder, read back as a user would: the rows of every
 * Parquet file under {@code hourly/}, the lines of the text outputs, and how the latest revisions
 * compare with the batch job's rows ({@link StreamVsBatchRows}).
 */
final class StreamFiles {
  private StreamFiles() {}

  /** The batch job's rows in {@code OUT/hourly}, by meter-hour. */
  static Map<String, HourlyMeterStats> batchRows(Path batchOut) throws IOException {
    Map<String, HourlyMeterStats> rows = new TreeMap<>();
    for (HourlyMeterStats r : ParquetRows.rows(batchOut.resolve("hourly"))) {
      rows.put(StreamVsBatch.key(r), r);
    }
    return rows;
  }

  /**
   * One message per difference between the stream's rows in {@code hourly} and the batch rows (see
   * {@link StreamVsBatchRows}); empty when the stream is exact.
   */
  static List<String> differences(Map<String, HourlyMeterStats> batch, Path hourly)
      throws IOException {
    return StreamVsBatchRows.compare(batch.values(), hourly).differences();
  }

  /** A short message for an assertion: how many differences and the first few. */
  static String describe(List<String> differences) {
    return differences.size()
        + " differences, e.g. "
        + differences.subList(0, Math.min(5, differences.size()));
  }

  static List<String> lines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(Files::isRegularFile)
              .collect(Collectors.toList())) {
        out.addAll(Files.readAllLines(f));
      }
    }
    return out;
  }
}
