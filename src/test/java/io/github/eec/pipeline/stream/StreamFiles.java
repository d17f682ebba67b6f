package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.tools.verify.ParquetRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;

/**
 * What a streaming run left in its output folder, read back as a user would: the rows of every
 * Parquet file under {@code hourly/}, the lines of the text outputs, and how the latest revisions
 * compare with the batch job's rows.
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
   * One message per difference between the stream's rows in {@code hourly} and the batch rows: a
   * meter-hour on one side only, a latest revision unlike the batch row, a revision standing for
   * two different rows. Empty when the stream is exact.
   */
  static List<String> differences(Map<String, HourlyMeterStats> batch, Path hourly)
      throws IOException {
    List<String> differences = new ArrayList<>();
    Map<String, RevisedRow> latest = new TreeMap<>();
    Map<String, HourlyMeterStats> seen = new TreeMap<>();
    for (GenericRecord rec : records(hourly)) {
      RevisedRow r = RevisedRowSchema.fromRecord(rec);
      String key = StreamVsBatch.key(r.row());
      HourlyMeterStats before = seen.put(key + "#" + r.revision(), r.row());
      if (before != null && !before.equals(r.row())) {
        differences.add(key + ": revision " + r.revision() + " stands for " + before + " and " + r);
      }
      latest.merge(key, r, (a, b) -> a.revision() >= b.revision() ? a : b);
    }
    for (Map.Entry<String, HourlyMeterStats> e : batch.entrySet()) {
      RevisedRow r = latest.get(e.getKey());
      if (r == null || !e.getValue().equals(r.row())) {
        differences.add(e.getKey() + ": batch " + e.getValue() + " stream " + r);
      }
    }
    for (String key : latest.keySet()) {
      if (!batch.containsKey(key)) {
        differences.add(key + ": only in the stream " + latest.get(key));
      }
    }
    return differences;
  }

  /** A short message for an assertion: how many differences and the first few. */
  static String describe(List<String> differences) {
    return differences.size()
        + " differences, e.g. "
        + differences.subList(0, Math.min(5, differences.size()));
  }

  static List<GenericRecord> records(Path dir) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (Path d : dirs.filter(Files::isDirectory).collect(Collectors.toList())) {
        out.addAll(ParquetRows.records(d));
      }
    }
    return out;
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
