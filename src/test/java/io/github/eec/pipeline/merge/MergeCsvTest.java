package io.github.eec.pipeline.merge;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --csv=true} with {@code --merge}: each merge writes the rows it commits (the hourly rows
 * of the days it rewrote, the roll-up rows it recomputed) as CSV under {@code csv/RUN_ID/}, the
 * same files a plain run writes for those rows; a merge that commits nothing leaves none.
 */
public class MergeCsvTest {
  private static final List<String> FILES =
      List.of("hourly", "daily", "regional_hourly", "regional_daily");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private Path day1;
  private Path day2;
  private Path registry;
  private String stderr;

  @Before
  public void twoDays() throws IOException {
    day1 = tmp.newFolder("day1").toPath();
    day2 = tmp.newFolder("day2").toPath();
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    // A every 20 minutes over two UTC days with a 5-hour outage; B (not in the registry) hourly.
    for (int m = 0; m < 48 * 60; m += 20) {
      int h = m / 60;
      if (h >= 20 && h < 25) {
        continue;
      }
      StringBuilder into = h < 24 ? a : b;
      into.append(
          String.format(
              "A,2024-03-%02d %02d:%02d:00,%d,%d%n", 1 + h / 24, h % 24, m % 60, 1000 + 7 * m, m));
      if (m % 60 == 0) {
        into.append(String.format("B,2024-03-%02d %02d:00:00,%d,3%n", 1 + h / 24, h % 24, 5 * m));
      }
    }
    Files.writeString(day1.resolve("day1.csv"), a);
    Files.writeString(day2.resolve("day2.csv"), b);
    registry = tmp.getRoot().toPath().resolve("registry.csv");
    Files.writeString(
        registry, "meter,region,time_zone,tariff\nA,north,America/New_York,\"res, small\"\n");
  }

  private int run(List<String> args) {
    CommandLineRun r = CommandLineRun.of(args.toArray(new String[0]));
    stderr = r.stderr;
    return r.code;
  }

  private List<String> args(String input, Path output, boolean merge) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + input,
                "--output=" + output,
                "--runner=DirectRunner",
                "--csv=true",
                "--fillGaps=true",
                "--meterRegistry=" + registry));
    if (merge) {
      args.add("--merge=true");
    }
    return args;
  }

  /** The header, then the rows sorted (a CSV file's rows come in no particular order). */
  private static List<String> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> out = new ArrayList<>(lines.subList(0, 1));
    out.addAll(lines.subList(1, lines.size()).stream().sorted().collect(Collectors.toList()));
    return out;
  }

  private static List<Path> runFolders(Path output) throws IOException {
    if (!Files.isDirectory(output.resolve("csv"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(output.resolve("csv"))) {
      return s.sorted().collect(Collectors.toList());
    }
  }

  @Test
  public void eachMergeWritesTheRowsItCommitsAsAPlainRunWritesThem() throws Exception {
    Path merged = tmp.getRoot().toPath().resolve("merged");
    assertEquals(stderr, ExitCode.DONE, run(args(day1 + "/*", merged, true)));
    Path plain1 = tmp.getRoot().toPath().resolve("plain1");
    assertEquals(stderr, ExitCode.DONE, run(args(day1 + "/*", plain1, false)));
    List<Path> runs = runFolders(merged);
    assertEquals(1, runs.size());
    for (String f : FILES) {
      assertEquals(
          f, rows(plain1.resolve("csv/" + f + ".csv")), rows(runs.get(0).resolve(f + ".csv")));
    }

    // Day 2 closes the outage that began on day 1: both days are rewritten, so this merge's
    // files hold every row of a plain run over both days.
    assertEquals(stderr, ExitCode.DONE, run(args(day2 + "/*", merged, true)));
    Path plainBoth = tmp.getRoot().toPath().resolve("plain-both");
    assertEquals(stderr, ExitCode.DONE, run(args(tmp.getRoot() + "/day*/*", plainBoth, false)));
    List<Path> both = runFolders(merged);
    assertEquals(2, both.size());
    // run ids start with the time to the second: the new folder is the one not there before
    Path second = both.get(both.get(0).equals(runs.get(0)) ? 1 : 0);
    for (String f : FILES) {
      List<String> expected = rows(plainBoth.resolve("csv/" + f + ".csv"));
      assertTrue(f, expected.size() > 1);
      assertEquals(f, expected, rows(second.resolve(f + ".csv")));
    }
    assertTrue(Files.readString(second.resolve("daily.csv")).contains(",\"res, small\""));

    // Nothing new: no CSV folder.
    assertEquals(stderr, ExitCode.DONE, run(args(day2 + "/*", merged, true)));
    assertEquals(2, runFolders(merged).size());
    try (Stream<Path> s = Files.list(merged)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("_staging-")));
    }
  }
}
