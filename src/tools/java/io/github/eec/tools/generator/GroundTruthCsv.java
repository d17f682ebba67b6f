package io.github.eec.tools.generator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The expected hourly metrics as CSV: header {@value #HEADER}, window times as epoch millis,
 * doubles as {@link Double#toString} (so they read back to the same double). Gzipped when the name
 * ends in {@code .gz}. Rows are ordered by meter, then window start.
 */
public final class GroundTruthCsv {
  public static final String HEADER =
      "meter,window_start,window_end,energy_mwh,power_min_mw,power_max_mw,power_mean_mw,readings,register_resets";

  private GroundTruthCsv() {}

  public static void write(Path file, List<ExpectedHour> rows) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = isGzip(file) ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      w.write(HEADER);
      w.write('\n');
      for (ExpectedHour e : rows) {
        w.write(
            e.meter()
                + ","
                + e.windowStart()
                + ","
                + e.windowEnd()
                + ","
                + e.energyMwh()
                + ","
                + e.powerMinMw()
                + ","
                + e.powerMaxMw()
                + ","
                + e.powerMeanMw()
                + ","
                + e.readings()
                + ","
                + e.registerResets()
                + "\n");
      }
    }
  }

  /**
   * Reads one ground-truth file, or every {@code *.csv} / {@code *.csv.gz} file of a folder (by
   * name order, concatenated), e.g. {@code data/sample-expected}.
   */
  public static List<ExpectedHour> read(Path fileOrFolder) throws IOException {
    List<ExpectedHour> rows = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        files =
            s.filter(p -> p.getFileName().toString().matches(".*\\.csv(\\.gz)?")).sorted().toList();
      }
      for (Path f : files) {
        readFile(f, rows);
      }
    } else {
      readFile(fileOrFolder, rows);
    }
    return rows;
  }

  private static void readFile(Path file, List<ExpectedHour> rows) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (!HEADER.equals(header)) {
        throw new IOException(file + ": not a ground-truth file (header " + header + ")");
      }
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length != 9) {
          throw new IOException(file + ": bad ground-truth line: " + line);
        }
        rows.add(
            new ExpectedHour(
                f[0],
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Long.parseLong(f[7]),
                Integer.parseInt(f[8])));
      }
    }
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }
}
