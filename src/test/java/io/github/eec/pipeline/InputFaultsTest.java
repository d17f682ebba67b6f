package io.github.eec.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.tools.verify.ParquetRows;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Misbehaving files and feeds, end to end: nothing crashes, nothing vanishes, order does not
 * matter.
 */
public class InputFaultsTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static RunSummary run(Path input, Path output, String... extra) throws Exception {
    String[] args = new String[extra.length + 1];
    args[0] = "--maxRejectedFraction=1";
    System.arraycopy(extra, 0, args, 1, extra.length);
    return Jobs.run(input.toString(), output, args);
  }

  @Test
  public void awkwardFilesAreReadLineByLine() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.write(in.resolve("empty.csv"), new byte[0]);
    Files.writeString(in.resolve("header-only.csv"), "meter,time,energy,power\n");
    Files.writeString(
        in.resolve("crlf.csv"),
        "meter,time,energy,power\r\nA,2024-03-01 10:00,1,1\r\nA,2024-03-01 10:30,2,1\r\n");
    Files.writeString(
        in.resolve("no-final-newline.csv"), "B,2024-03-01 10:00,1,1\nB,2024-03-01 10:10,3,1");
    ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
    latin1.write("C,2024-03-01 10:00,1,1\n".getBytes(StandardCharsets.UTF_8));
    latin1.write(
        "Z\u00e4hler,2024-03-01 10:00,1,1\n".getBytes(StandardCharsets.ISO_8859_1)); // not UTF-8
    Files.write(in.resolve("latin1.csv"), latin1.toByteArray());
    Files.writeString(
        in.resolve("huge-line.csv"),
        "D,2024-03-01 10:00,1," + "9".repeat(2_000_000) + "\nD,2024-03-01 10:05,2,1\n");
    Path out = tmp.getRoot().toPath().resolve("out");

    RunSummary s = run(in.resolve("*.csv"), out);

    assertEquals(10, s.get(CounterNames.LINES_READ));
    assertEquals(2, s.get(CounterNames.HEADER_LINES));
    assertEquals(6, s.get(CounterNames.READINGS_ACCEPTED));
    assertEquals(2, s.get(CounterNames.LINES_REJECTED));
    assertEquals(1, s.get(CounterNames.rejected(RejectReason.INVALID_ENCODING)));
    assertEquals(1, s.get(CounterNames.rejected(RejectReason.LINE_TOO_LONG)));
    List<HourlyMeterStats> rows = ParquetRows.rows(out.resolve("hourly"));
    assertEquals(4, rows.size()); // A, B, C, D at 10:00
    assertEquals(6, rows.stream().mapToLong(HourlyMeterStats::readings).sum());
    List<String> rejects = Files.readAllLines(out.resolve("rejects/rejects-00000-of-00001.jsonl"));
    assertEquals(2, rejects.size());
    for (String r : rejects) {
      assertTrue(r, r.length() < 10_000); // the huge line is kept only up to the length limit
    }
  }

  private static List<String> randomReadings(Random random, int n) {
    List<String> lines = new ArrayList<>();
    long start = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < n; i++) {
      long t = start + random.nextInt(48 * 3600) * 1000L + random.nextInt(1000);
      // Energy grows with time, with a register reset for meter M3 on the second day.
      int meter = random.nextInt(8);
      double energy = (t - start) / 1000.0 * (meter + 1);
      if (meter == 3 && t - start > 24 * 3_600_000L) {
        energy -= 24 * 3600 * 4 - 10;
      }
      lines.add(
          "M"
              + meter
              + ","
              + Instant.ofEpochMilli(t)
              + ","
              + energy
              + ","
              + random.nextInt(100_000) / 8.0);
    }
    return lines;
  }

  @Test
  public void resultsDoNotDependOnLineOrFileOrder() throws Exception {
    Random random = new Random(5);
    List<String> lines = randomReadings(random, 20_000);
    Path ordered = tmp.newFolder("ordered").toPath();
    Collections.sort(lines);
    Files.write(ordered.resolve("all.csv"), lines);
    Path shuffled = tmp.newFolder("shuffled").toPath();
    Collections.shuffle(lines, random);
    for (int f = 0; f < 4; f++) {
      Files.write(shuffled.resolve("part" + f + ".csv"), lines.subList(f * 5000, (f + 1) * 5000));
    }

    RunSummary a = run(ordered.resolve("*.csv"), tmp.getRoot().toPath().resolve("outA"));
    RunSummary b =
        run(shuffled.resolve("*.csv"), tmp.getRoot().toPath().resolve("outB"), "--numShards=2");

    Set<HourlyMeterStats> rowsA =
        new HashSet<>(ParquetRows.rows(tmp.getRoot().toPath().resolve("outA/hourly")));
    List<HourlyMeterStats> rowsB = ParquetRows.rows(tmp.getRoot().toPath().resolve("outB/hourly"));
    assertEquals(rowsA.size(), rowsB.size());
    assertEquals(
        rowsA, new HashSet<>(rowsB)); // bit-identical values, the exact sums make that possible
    assertEquals(1, a.get(CounterNames.REGISTER_RESETS));
    assertEquals(1, b.get(CounterNames.REGISTER_RESETS));
    for (HourlyMeterStats r : rowsA) {
      assertTrue(r.energyMwh() >= 0);
    }
  }

  @Test
  public void duplicatesCountTwiceUnlessDeduped() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.writeString(
        in.resolve("a.csv"),
        "A,2024-03-01 10:00,10,100\nA,2024-03-01 10:30,20,300\n"
            + "A,2024-03-01 10:30,20,300\n" // delivered twice
            + "A,2024-03-01T10:30:00Z,20,200\n"); // same instant, other power: one of them is kept
    RunSummary plain = run(in.resolve("a.csv"), tmp.getRoot().toPath().resolve("plain"));
    RunSummary deduped =
        run(in.resolve("a.csv"), tmp.getRoot().toPath().resolve("dedup"), "--dedupe=true");

    HourlyMeterStats p = ParquetRows.rows(tmp.getRoot().toPath().resolve("plain/hourly")).get(0);
    HourlyMeterStats d = ParquetRows.rows(tmp.getRoot().toPath().resolve("dedup/hourly")).get(0);
    assertEquals(4, p.readings());
    assertEquals(225.0, p.powerMeanMw(), 0.0);
    assertEquals(0, plain.get(CounterNames.DUPLICATES_DROPPED));
    assertEquals(2, d.readings());
    assertEquals(150.0, d.powerMeanMw(), 0.0); // (100 + 200) / 2: the smallest (energy, power) kept
    assertEquals(2, deduped.get(CounterNames.DUPLICATES_DROPPED));
    assertEquals(p.energyMwh(), d.energyMwh(), 0.0);
  }
}
