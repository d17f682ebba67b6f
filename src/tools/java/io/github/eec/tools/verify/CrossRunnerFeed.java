package io.github.eec.tools.verify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The input of the cross-runner checks: a few hundred thousand readings of many meters, spread at
 * random over several files (plain, gzip and bzip2), so every runner splits the reading into
 * several bundles and must shuffle each meter's readings together again. Mixed time formats,
 * register resets, exact duplicate lines, headers and about 1% malformed lines. Deterministic for a
 * seed.
 *
 * <p>It also knows the result a correct run must have, independently of Beam: how many lines are
 * read, accepted and rejected, and the set of meter-hours, which is the set of output rows.
 *
 * <p>{@code main(inputDir, expectationsFile)} writes both, for scripts/cluster-test.sh.
 */
public final class CrossRunnerFeed {
  /**
   * The feed's size and seed in the runner tests and the cluster test, so both check the same
   * input.
   */
  public static final int READINGS = 300_000;

  public static final long SEED = 20240301L;

  static final long HOUR = 3_600_000L;
  private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  private static final int METERS = 60;
  private static final int HOURS = 8 * 24;
  private static final int FILES = 6; // the last two compressed: .gz and .bz2
  private static final String HEADER = "meter,time,energy,power";
  private static final DateTimeFormatter SPACE_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SPACE_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.ofHours(2));

  /** What a correct run over the feed reports and writes. */
  public static final class Expected {
    public long linesRead;
    public long headerLines;
    public long readingsAccepted;
    public long linesRejected;

    /**
     * {@code meter@hourStartMillis} of every meter-hour with an accepted reading: the output rows.
     */
    public final TreeSet<String> meterHours = new TreeSet<>();

    Properties toProperties() {
      Properties p = new Properties();
      p.setProperty("linesRead", Long.toString(linesRead));
      p.setProperty("headerLines", Long.toString(headerLines));
      p.setProperty("readingsAccepted", Long.toString(readingsAccepted));
      p.setProperty("linesRejected", Long.toString(linesRejected));
      p.setProperty("meterHours", String.join(",", meterHours));
      return p;
    }

    static Expected fromProperties(Properties p) {
      Expected e = new Expected();
      e.linesRead = Long.parseLong(p.getProperty("linesRead"));
      e.headerLines = Long.parseLong(p.getProperty("headerLines"));
      e.readingsAccepted = Long.parseLong(p.getProperty("readingsAccepted"));
      e.linesRejected = Long.parseLong(p.getProperty("linesRejected"));
      for (String key : p.getProperty("meterHours").split(",")) {
        e.meterHours.add(key);
      }
      return e;
    }

    public static Expected load(Path file) throws IOException {
      Properties p = new Properties();
      try (var in = Files.newInputStream(file)) {
        p.load(in);
      }
      return fromProperties(p);
    }
  }

  private CrossRunnerFeed() {}

  static String meterHour(String meter, long hourStart) {
    return meter + "@" + hourStart;
  }

  /** Writes {@code readings} lines (plus headers and malformed ones) into {@code dir}. */
  public static Expected write(Path dir, int readings, long seed) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    Expected expected = new Expected();
    double[] rate = new double[METERS]; // mWh per ms
    long[] resetAt = new long[METERS]; // the register restarts from zero here (some meters only)
    for (int m = 0; m < METERS; m++) {
      rate[m] = 0.0001 + random.nextDouble() * 0.001;
      resetAt[m] = m % 4 == 0 ? START + random.nextLong(HOURS * HOUR) : Long.MAX_VALUE;
    }

    List<Writer> files = new ArrayList<>();
    try {
      for (int f = 0; f < FILES; f++) {
        String suffix = f == FILES - 2 ? ".gz" : f == FILES - 1 ? ".bz2" : "";
        OutputStream out = Files.newOutputStream(dir.resolve("part-" + f + ".csv" + suffix));
        if (suffix.equals(".gz")) {
          out = new GZIPOutputStream(out, 1 << 16);
        } else if (suffix.equals(".bz2")) {
          out = new BZip2CompressorOutputStream(out);
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        files.add(w);
        if (f % 2 == 0) {
          w.write(HEADER + "\n");
          expected.headerLines++;
        }
      }
      String previous = null;
      for (int i = 0; i < readings; i++) {
        Writer w = files.get(random.nextInt(FILES));
        if (previous != null && random.nextInt(200) == 0) {
          w.write(previous); // an exact duplicate: counted again, like any reading
          expected.readingsAccepted++;
          continue;
        }
        int m = random.nextInt(METERS);
        String meter = String.format("M%03d", m);
        long t = START + random.nextLong(HOURS * HOUR);
        int format = random.nextInt(4);
        if (format != 3) {
          t -= t % 1000; // formats without a fraction
        }
        String time;
        switch (format) {
          case 0:
            time = SPACE_SECONDS.format(Instant.ofEpochMilli(t));
            break;
          case 1:
            time = Instant.ofEpochMilli(t).toString(); // 2024-03-01T12:34:56Z
            break;
          case 2:
            time = ISO_OFFSET.format(Instant.ofEpochMilli(t)); // same instant, +02:00
            break;
          default:
            time = SPACE_MILLIS.format(Instant.ofEpochMilli(t));
        }
        double energy =
            t < resetAt[m] ? 5_000 * m + rate[m] * (t - START) : rate[m] * (t - resetAt[m]);
        String power = Integer.toString(random.nextInt(5_000)) + "." + random.nextInt(10);
        int fault = random.nextInt(100);
        String line;
        if (fault == 0) {
          line = malformed(random, meter, time);
          expected.linesRejected++;
        } else {
          line =
              meter
                  + ","
                  + time
                  + ","
                  + String.format(Locale.ROOT, "%.3f", energy)
                  + ","
                  + power
                  + "\n";
          expected.readingsAccepted++;
          expected.meterHours.add(meterHour(meter, t - Math.floorMod(t, HOUR)));
          previous = line;
        }
        w.write(line);
      }
    } finally {
      for (Writer w : files) {
        w.close();
      }
    }
    expected.linesRead = expected.headerLines + expected.readingsAccepted + expected.linesRejected;
    return expected;
  }

  private static String malformed(SplittableRandom random, String meter, String time) {
    switch (random.nextInt(5)) {
      case 0:
        return meter + "," + time + ",12.5\n"; // WRONG_FIELD_COUNT
      case 1:
        return meter + "," + time + ",twelve,1\n"; // BAD_ENERGY
      case 2:
        return meter + ",2024-02-30 10:00:00,1,1\n"; // BAD_TIME
      case 3:
        return meter + "," + time + ",1,-4\n"; // NEGATIVE_POWER
      default:
        return "\n"; // EMPTY_LINE
    }
  }

  /**
   * {@code CrossRunnerFeed INPUT_DIR EXPECTATIONS_FILE}: writes the feed and what a run must
   * report.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CrossRunnerFeed INPUT_DIR EXPECTATIONS_FILE");
      System.exit(2);
    }
    Expected expected = write(Paths.get(args[0]), READINGS, SEED);
    try (var out = Files.newOutputStream(Paths.get(args[1]))) {
      expected.toProperties().store(out, "CrossRunnerFeed " + args[0]);
    }
    System.out.printf(
        "wrote %,d lines (%,d meter-hours) into %s%n",
        expected.linesRead, expected.meterHours.size(), args[0]);
  }
}
