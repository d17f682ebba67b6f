package io.github.eec.tools.verify;

import io.github.eec.pipeline.model.HourlyMeterStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a job's output against {@link CrossRunnerFeed.Expected} and against another runner's
 * output: complete row sets (every row, every value), not counters, because a runner can lose rows
 * while its counters still show every line parsed (files finalized under repeated names).
 *
 * <p>Plain Java with no test framework, so that scripts/cluster-test.sh can run it with {@code
 * main}.
 */
public final class CrossRunnerOutputs {
  private static final int SHOWN_DIFFERENCES = 5;

  private CrossRunnerOutputs() {}

  /**
   * The output is complete: every expected meter-hour exactly once, in exactly the expected files.
   */
  public static List<HourlyMeterStats> checkComplete(
      Path output, CrossRunnerFeed.Expected expected, int shards) throws IOException {
    Path hourly = output.resolve("hourly");
    Set<String> expectedFiles = new TreeSet<>();
    for (int i = 0; i < shards; i++) {
      expectedFiles.add(String.format("hourly-%05d-of-%05d.parquet", i, shards));
    }
    Set<String> files = entries(hourly);
    check(
        files.equals(expectedFiles),
        output,
        "hourly files are " + files + ", expected " + expectedFiles);
    check(Files.exists(output.resolve("_SUCCESS")), output, "no _SUCCESS marker");

    List<HourlyMeterStats> rows = ParquetRows.rows(hourly);
    Set<String> keys = new HashSet<>();
    long readings = 0;
    for (HourlyMeterStats row : rows) {
      String key = CrossRunnerFeed.meterHour(row.meter(), row.windowStart());
      check(keys.add(key), output, "meter-hour written twice: " + row);
      check(
          row.windowEnd() - row.windowStart() == CrossRunnerFeed.HOUR,
          output,
          "not one hour: " + row);
      readings += row.readings();
    }
    if (!keys.equals(expected.meterHours)) {
      Set<String> missing = new TreeSet<>(expected.meterHours);
      missing.removeAll(keys);
      Set<String> extra = new TreeSet<>(keys);
      extra.removeAll(expected.meterHours);
      throw new AssertionError(
          String.format(
              "%s: %,d rows, expected %,d meter-hours; missing %s; unexpected %s",
              output, rows.size(), expected.meterHours.size(), first(missing), first(extra)));
    }
    check(
        readings == expected.readingsAccepted,
        output,
        "rows count " + readings + " readings, expected " + expected.readingsAccepted);
    long rejects = rejectLines(output.resolve("rejects"));
    check(
        rejects == expected.linesRejected,
        output,
        rejects + " rejects, expected " + expected.linesRejected);
    return rows;
  }

  /** Both row lists hold exactly the same rows, compared value by value. */
  public static void checkSameRows(
      String referenceName,
      List<HourlyMeterStats> reference,
      String name,
      List<HourlyMeterStats> rows) {
    List<HourlyMeterStats> a = sorted(reference);
    List<HourlyMeterStats> b = sorted(rows);
    if (a.equals(b)) {
      return;
    }
    List<String> differences = new ArrayList<>();
    for (int i = 0;
        i < Math.min(a.size(), b.size()) && differences.size() < SHOWN_DIFFERENCES;
        i++) {
      if (!a.get(i).equals(b.get(i))) {
        differences.add(referenceName + " " + a.get(i) + " vs " + name + " " + b.get(i));
      }
    }
    throw new AssertionError(
        String.format(
            "%s wrote %,d rows, %s %,d, not the same rows; first differences:%n  %s",
            referenceName, a.size(), name, b.size(), String.join("\n  ", differences)));
  }

  private static List<HourlyMeterStats> sorted(List<HourlyMeterStats> rows) {
    List<HourlyMeterStats> copy = new ArrayList<>(rows);
    copy.sort(
        Comparator.comparing(HourlyMeterStats::meter)
            .thenComparingLong(HourlyMeterStats::windowStart));
    return copy;
  }

  private static Set<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static long rejectLines(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.toString().endsWith(".jsonl")).collect(Collectors.toList())) {
        try (Stream<String> lines = Files.lines(f)) {
          n += lines.count();
        }
      }
    }
    return n;
  }

  private static String first(Set<String> keys) {
    return keys.stream()
        .limit(SHOWN_DIFFERENCES)
        .collect(Collectors.joining(", ", "[", keys.size() > SHOWN_DIFFERENCES ? ", ...]" : "]"));
  }

  private static void check(boolean condition, Path output, String problem) {
    if (!condition) {
      throw new AssertionError(output + ": " + problem);
    }
  }

  /**
   * {@code CrossRunnerOutputs EXPECTATIONS SHARDS REFERENCE_OUTPUT OUTPUT...}: each output is
   * complete and holds the same rows as the reference. Exit code 1 and the reason when not.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println(
          "usage: CrossRunnerOutputs EXPECTATIONS SHARDS REFERENCE_OUTPUT OUTPUT...");
      System.exit(2);
    }
    CrossRunnerFeed.Expected expected = CrossRunnerFeed.Expected.load(Paths.get(args[0]));
    int shards = Integer.parseInt(args[1]);
    try {
      List<HourlyMeterStats> reference = checkComplete(Paths.get(args[2]), expected, shards);
      for (int i = 3; i < args.length; i++) {
        checkSameRows(
            args[2], reference, args[i], checkComplete(Paths.get(args[i]), expected, shards));
        System.out.printf(
            "%s: the same %,d rows as %s, in %d files%n",
            args[i], reference.size(), args[2], shards);
      }
    } catch (AssertionError e) {
      System.err.println("MISMATCH " + e.getMessage());
      System.exit(1);
    }
  }
}
