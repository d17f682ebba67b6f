package io.github.eec.tools.verify;

import io.github.eec.pipeline.model.HourlyMeterStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Output rows as text that compares exactly: doubles in Java's shortest round-trip form, times in
 * epoch millis, one row a line. {@code RowsCsv parquet DIR OUT.csv} (a plain run's hourly folder)
 * or {@code RowsCsv table WAREHOUSE TABLE OUT.csv} (a merged table, read with Iceberg's reader);
 * sort the files before comparing.
 */
public final class RowsCsv {
  private RowsCsv() {}

  public static String line(
      String meter,
      long start,
      long end,
      double energy,
      double min,
      double max,
      double mean,
      long readings,
      int resets) {
    return String.join(
        ",",
        meter,
        Long.toString(start),
        Long.toString(end),
        Double.toString(energy),
        Double.toString(min),
        Double.toString(max),
        Double.toString(mean),
        Long.toString(readings),
        Integer.toString(resets));
  }

  public static String line(HourlyMeterStats s) {
    return line(
        s.meter(),
        s.windowStart(),
        s.windowEnd(),
        s.energyMwh(),
        s.powerMinMw(),
        s.powerMaxMw(),
        s.powerMeanMw(),
        s.readings(),
        s.registerResets());
  }

  public static void main(String[] args) throws IOException {
    List<HourlyMeterStats> rows =
        args[0].equals("parquet")
            ? ParquetRows.rows(Paths.get(args[1]))
            : TableRows.rows(TableRows.load(args[1], args[2]));
    List<String> lines = new ArrayList<>();
    for (HourlyMeterStats s : rows) {
      lines.add(line(s));
    }
    try (PrintWriter out =
        new PrintWriter(
            Files.newBufferedWriter(Paths.get(args[args.length - 1]), StandardCharsets.UTF_8))) {
      lines.forEach(out::println);
    }
    System.out.printf("%,d rows in %s%n", rows.size(), args[args.length - 1]);
  }
}
