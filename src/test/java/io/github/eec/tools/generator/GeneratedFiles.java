package io.github.eec.tools.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads generated files back for the tests: lines, parsed readings, ground truth from the files.
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** Generates into {@code dir} with the given extra arguments; returns the counts. */
  static FaultCounts generate(Path dir, String... args) throws IOException {
    String[] all = new String[args.length + 1];
    all[0] = "--output=" + dir;
    System.arraycopy(args, 0, all, 1, args.length);
    return ReadingsGenerator.generate(all);
  }

  /** The readings files of a folder ({@code *.csv}, {@code *.csv.gz}), by name. */
  static List<Path> dataFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(".*\\.csv(\\.gz)?"))
          .sorted()
          .toList();
    }
  }

  static List<String> lines(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
      return lines;
    }
  }

  /** All lines of all readings files of a folder, file after file. */
  static List<String> allLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : dataFiles(dir)) {
      lines.addAll(lines(f));
    }
    return lines;
  }

  /** Accepted readings per meter, in file order. */
  static Map<String, List<PrintedReading>> readingsByMeter(List<String> lines) {
    Map<String, List<PrintedReading>> m = new TreeMap<>();
    for (String line : lines) {
      PrintedLineParser.Result r = PrintedLineParser.parse(line);
      if (r.isReading()) {
        m.computeIfAbsent(r.reading.meter(), k -> new ArrayList<>()).add(r.reading);
      }
    }
    return m;
  }

  /** Lines per meter id (the text before the first comma), in file order. */
  static Map<String, List<String>> linesByMeter(List<String> lines) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String line : lines) {
      int comma = line.indexOf(',');
      String meter = comma < 0 ? "" : line.substring(0, comma);
      m.computeIfAbsent(meter, k -> new ArrayList<>()).add(line);
    }
    return m;
  }

  /**
   * The ground truth computed from the files themselves, meter by meter (ids sort like numbers
   * here).
   */
  static List<ExpectedHour> groundTruthFromFiles(Path dir) throws IOException {
    List<ExpectedHour> rows = new ArrayList<>();
    for (List<PrintedReading> readings : readingsByMeter(allLines(dir)).values()) {
      rows.addAll(GroundTruthCalculator.hourly(readings));
    }
    return rows;
  }
}
