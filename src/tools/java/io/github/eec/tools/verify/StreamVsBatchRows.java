package io.github.eec.tools.verify;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.stream.RevisedRow;
import io.github.eec.pipeline.stream.RevisedRowSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;

/**
 * A streaming run's rows against the batch job's rows for the same lines: the one home of that
 * comparison, for the stream tests and {@code scripts/stream-fault-test.sh}. The stream must have
 * every batch meter-hour and no other; each meter-hour's latest revision must equal the batch row,
 * value for value; a revision must never stand for two different rows (a row written again, e.g.
 * after a restore from a checkpoint, must be identical); and no revision below the latest may be
 * missing.
 *
 * <p>The stream's rows are read as a user reads them: every published Parquet file under the hourly
 * folder, at any depth ({@code day=/hour=/}); hidden entries (a writer's {@code .temp-*} folder,
 * which a killed worker can leave behind) are not published rows.
 *
 * <pre>
 * StreamVsBatchRows STREAM_OUT/hourly BATCH_OUT/hourly
 * </pre>
 *
 * prints every difference and exits 1, or prints one summary line and exits 0.
 */
public final class StreamVsBatchRows {
  private StreamVsBatchRows() {}

  /** What a comparison found. */
  public static final class Result {
    private final List<String> differences;
    private final int meterHours;
    private final long rowsWritten;
    private final long duplicates;

    Result(List<String> differences, int meterHours, long rowsWritten, long duplicates) {
      this.differences = differences;
      this.meterHours = meterHours;
      this.rowsWritten = rowsWritten;
      this.duplicates = duplicates;
    }

    /** One message per difference, by meter-hour; empty when the stream is exact. */
    public List<String> differences() {
      return differences;
    }

    /** The batch job's meter-hours. */
    public int meterHours() {
      return meterHours;
    }

    /** Rows in the stream's files, every revision and every copy counted. */
    public long rowsWritten() {
      return rowsWritten;
    }

    /**
     * Rows written again under a revision already written (identical ones, unless a difference).
     */
    public long duplicates() {
      return duplicates;
    }

    public String summary() {
      return differences.isEmpty()
          ? String.format(
              "%d meter-hours, all equal; %d rows written, %d duplicates identical",
              meterHours, rowsWritten, duplicates)
          : String.format(
              "%d differences over %d meter-hours; %d rows written, %d duplicates",
              differences.size(), meterHours, rowsWritten, duplicates);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: StreamVsBatchRows STREAM_OUT/hourly BATCH_OUT/hourly");
      System.exit(2);
    }
    Result result = compare(ParquetRows.rows(Paths.get(args[1])), streamRows(Paths.get(args[0])));
    result.differences().forEach(System.out::println);
    System.out.println(result.summary());
    System.exit(result.differences().isEmpty() ? 0 : 1);
  }

  /** Compares the batch rows with the stream's rows in {@code streamHourly}. */
  public static Result compare(Collection<HourlyMeterStats> batchRows, Path streamHourly)
      throws IOException {
    return compare(batchRows, streamRows(streamHourly));
  }

  /** Every published stream row under {@code hourly}, in file order. */
  public static List<RevisedRow> streamRows(Path hourly) throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(hourly)) {
      dirs =
          s.filter(Files::isDirectory)
              .filter(d -> !hidden(hourly.relativize(d)))
              .sorted()
              .collect(Collectors.toList());
    }
    List<RevisedRow> rows = new ArrayList<>();
    for (Path dir : dirs) {
      for (GenericRecord r : ParquetRows.records(dir)) {
        rows.add(RevisedRowSchema.fromRecord(r));
      }
    }
    return rows;
  }

  static Result compare(Collection<HourlyMeterStats> batchRows, List<RevisedRow> streamRows) {
    Map<String, HourlyMeterStats> batch = new TreeMap<>();
    for (HourlyMeterStats r : batchRows) {
      batch.put(key(r), r);
    }
    // Per meter-hour, the row of each revision as first read.
    Map<String, TreeMap<Integer, HourlyMeterStats>> stream = new TreeMap<>();
    Map<String, List<String>> found = new TreeMap<>();
    long duplicates = 0;
    for (RevisedRow r : streamRows) {
      String key = key(r.row());
      HourlyMeterStats before =
          stream.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(r.revision(), r.row());
      if (before != null) {
        duplicates++;
        if (!before.equals(r.row())) {
          note(
              found,
              key,
              "revision "
                  + r.revision()
                  + " stands for two rows: "
                  + before
                  + ", and again with "
                  + fieldsDiffering(before, r.row()));
        }
      }
    }
    for (Map.Entry<String, HourlyMeterStats> e : batch.entrySet()) {
      TreeMap<Integer, HourlyMeterStats> revisions = stream.get(e.getKey());
      if (revisions == null) {
        note(found, e.getKey(), "only in batch: " + e.getValue());
        continue;
      }
      int latest = revisions.lastKey();
      HourlyMeterStats row = revisions.get(latest);
      if (!row.equals(e.getValue())) {
        note(
            found,
            e.getKey(),
            "latest revision "
                + latest
                + " unlike batch ("
                + e.getValue()
                + "): "
                + fieldsDiffering(e.getValue(), row));
      }
    }
    for (Map.Entry<String, TreeMap<Integer, HourlyMeterStats>> e : stream.entrySet()) {
      TreeMap<Integer, HourlyMeterStats> revisions = e.getValue();
      if (!batch.containsKey(e.getKey())) {
        note(found, e.getKey(), "only in the stream: " + revisions.lastEntry().getValue());
      }
      for (int r = 0; r < revisions.lastKey(); r++) {
        if (!revisions.containsKey(r)) {
          note(
              found, e.getKey(), "revision " + r + " missing (latest " + revisions.lastKey() + ")");
        }
      }
    }
    List<String> differences = new ArrayList<>();
    found.forEach((key, messages) -> messages.forEach(m -> differences.add(key + ": " + m)));
    return new Result(differences, batch.size(), streamRows.size(), duplicates);
  }

  /** A meter-hour: the meter and the hour's start, sorting by meter, then time. */
  public static String key(HourlyMeterStats r) {
    return r.meter() + "@" + Instant.ofEpochMilli(r.windowStart());
  }

  private static void note(Map<String, List<String>> found, String key, String message) {
    found.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
  }

  /** The fields in which {@code b} differs from {@code a}: "name a -> b (+delta)", ... */
  static String fieldsDiffering(HourlyMeterStats a, HourlyMeterStats b) {
    List<String> out = new ArrayList<>();
    number(out, "energy_mwh", a.energyMwh(), b.energyMwh());
    number(out, "power_min_mw", a.powerMinMw(), b.powerMinMw());
    number(out, "power_max_mw", a.powerMaxMw(), b.powerMaxMw());
    number(out, "power_mean_mw", a.powerMeanMw(), b.powerMeanMw());
    number(out, "readings", a.readings(), b.readings());
    number(out, "register_resets", a.registerResets(), b.registerResets());
    if (a.windowEnd() != b.windowEnd()) {
      out.add("window_end " + Instant.ofEpochMilli(a.windowEnd()) + " -> " + b.windowEnd());
    }
    if (a.isEstimated() != b.isEstimated()) {
      out.add("estimated " + a.isEstimated() + " -> " + b.isEstimated());
    }
    return String.join(", ", out);
  }

  private static void number(List<String> out, String name, double a, double b) {
    if (Double.compare(a, b) != 0) {
      out.add(String.format("%s %s -> %s (%+g)", name, plain(a), plain(b), b - a));
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
