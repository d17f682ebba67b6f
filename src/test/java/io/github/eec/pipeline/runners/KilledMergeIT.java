package io.github.eec.pipeline.runners;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.HourlyMetricsPipeline;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.tools.generator.ReadingsGenerator;
import io.github.eec.tools.verify.TableRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Merges killed (SIGKILL, their own JVM) half-way and while committing, and two merges at once: the
 * table is always a whole version, the one before or the one after, and a rerun gives the rows of
 * uninterrupted merges. On the DirectRunner: what is tested is the merge's commit protocol, which
 * runs in {@code main} whatever the runner.
 */
public class KilledMergeIT {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Process start(Path input, Path output, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("@" + Paths.get(".mvn/jvm.config").toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HourlyMetricsPipeline.class.getName());
    command.add("--runner=DirectRunner");
    command.add("--input=" + input);
    command.add("--output=" + output);
    command.add("--merge=true");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private int runToEnd(Path input, Path output, Path log) throws Exception {
    Process p = start(input, output, log);
    assertTrue("merge finished", p.waitFor(600, TimeUnit.SECONDS));
    return p.exitValue();
  }

  private static List<HourlyMeterStats> rows(Path output) throws IOException {
    Table t = TableRows.load(output.resolve("warehouse").toString(), "eec.hourly");
    return TableRows.rows(t);
  }

  private static Long snapshot(Path output) {
    Table t = TableRows.load(output.resolve("warehouse").toString(), "eec.hourly");
    return t.currentSnapshot() == null ? null : t.currentSnapshot().snapshotId();
  }

  /** Two days of readings, the second's file starting before midnight. */
  private Path[] days() throws IOException {
    Path first = tmp.newFolder("day1").toPath();
    ReadingsGenerator.generate(
        "--meters=20",
        "--start=2024-03-01T12:00:00Z",
        "--duration=12h",
        "--period=10s",
        "--seed=1",
        "--output=" + first);
    Path second = tmp.newFolder("day2").toPath();
    ReadingsGenerator.generate(
        "--meters=20",
        "--start=2024-03-01T23:59:00Z",
        "--duration=12h",
        "--period=10s",
        "--seed=2",
        "--output=" + second);
    Path third = tmp.newFolder("day3").toPath();
    ReadingsGenerator.generate(
        "--meters=20",
        "--start=2024-03-02T11:59:00Z",
        "--duration=6h",
        "--period=10s",
        "--seed=3",
        "--output=" + third);
    Path fourth = tmp.newFolder("day4").toPath();
    ReadingsGenerator.generate(
        "--meters=20",
        "--start=2024-03-02T17:59:00Z",
        "--duration=6h",
        "--period=10s",
        "--seed=4",
        "--output=" + fourth);
    return new Path[] {
      first.resolve("*.csv"),
      second.resolve("*.csv"),
      third.resolve("*.csv"),
      fourth.resolve("*.csv")
    };
  }

  /** Runs to the end; returns how long it ran after it said it was publishing, in ms. */
  private long publishMillis(Path input, Path output, Path log) throws Exception {
    Files.deleteIfExists(log);
    Process p = start(input, output, log);
    while (p.isAlive()
        && !(Files.exists(log) && Files.readString(log).contains("publishing merge "))) {
      Thread.sleep(2);
    }
    long from = System.nanoTime();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS));
    assertEquals(Files.readString(log), 0, p.exitValue());
    return (System.nanoTime() - from) / 1_000_000;
  }

  @Test
  public void killedMergesLeaveAWholeVersionAndConcurrentMergesNeverMix() throws Exception {
    Path[] day = days();
    Path log = tmp.getRoot().toPath().resolve("merge.log");

    // Uninterrupted: day 1, day 2, day 3, day 4.
    Path reference = tmp.getRoot().toPath().resolve("reference");
    assertEquals(0, runToEnd(day[0], reference, log));
    List<HourlyMeterStats> afterDay1 = rows(reference);
    long started = System.nanoTime();
    assertEquals(0, runToEnd(day[1], reference, log));
    long mergeMillis = (System.nanoTime() - started) / 1_000_000;
    List<HourlyMeterStats> afterDay2 = rows(reference);
    long publishing = publishMillis(day[2], reference, log);
    List<HourlyMeterStats> afterDay3 = rows(reference);
    assertEquals(0, runToEnd(day[3], reference, log));
    List<HourlyMeterStats> afterDay4 = rows(reference);

    // Killed half-way: the table is day 1's version; the rerun completes it.
    Path output = tmp.getRoot().toPath().resolve("killed");
    assertEquals(0, runToEnd(day[0], output, log));
    Long day1Snapshot = snapshot(output);
    Process killed = start(day[1], output, log);
    Thread.sleep(mergeMillis / 2);
    boolean midway = killed.isAlive();
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    System.out.printf(
        "merge of %d ms killed after %d ms, midway: %s%n", mergeMillis, mergeMillis / 2, midway);
    if (midway) {
      assertEquals(day1Snapshot, snapshot(output));
      assertEquals(new HashSet<>(afterDay1), new HashSet<>(rows(output)));
    }
    assertEquals(0, runToEnd(day[1], output, log));
    assertEquals(new HashSet<>(afterDay2), new HashSet<>(rows(output)));
    assertEquals(afterDay2.size(), rows(output).size());

    // Killed while publishing (writing the ledger, moving the rejects, committing the new table
    // version: the last ~publishing ms of a merge), early, late, and just at the end: the table is
    // the version before or the version after, and the rerun completes it.
    List<List<HourlyMeterStats>> expected = List.of(afterDay3, afterDay4);
    long[] delays = {0, publishing * 8 / 10};
    for (int attempt = 0; attempt < delays.length; attempt++) {
      List<HourlyMeterStats> previous = rows(output);
      Long before = snapshot(output);
      Files.deleteIfExists(log);
      Process publishingMerge = start(day[2 + attempt], output, log);
      while (publishingMerge.isAlive()
          && !(Files.exists(log) && Files.readString(log).contains("publishing merge "))) {
        Thread.sleep(2);
      }
      Thread.sleep(delays[attempt]);
      publishingMerge.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      boolean committed = !before.equals(snapshot(output));
      System.out.printf(
          "killed %d ms into publishing (of %d ms): the table is the version %s%n",
          delays[attempt], publishing, committed ? "after" : "before");
      assertEquals(
          new HashSet<>(committed ? expected.get(attempt) : previous), new HashSet<>(rows(output)));
      assertEquals(0, runToEnd(day[2 + attempt], output, log));
      if (committed) {
        assertTrue(Files.readString(log), Files.readString(log).contains("(already merged)"));
      }
      assertEquals(new HashSet<>(expected.get(attempt)), new HashSet<>(rows(output)));
      assertEquals(expected.get(attempt).size(), rows(output).size());
    }

    // Two merges at once into one table: one commits, the other fails cleanly (exit 4, nothing
    // published) and its rerun merges its file; never a mix.
    Path shared = tmp.getRoot().toPath().resolve("shared");
    assertEquals(0, runToEnd(day[0], shared, log));
    assertEquals(0, runToEnd(day[1], shared, log));
    Long base = snapshot(shared);
    Path log2 = tmp.getRoot().toPath().resolve("merge2.log");
    Process a = start(day[2], shared, log);
    Process b = start(day[3], shared, log2);
    assertTrue(a.waitFor(600, TimeUnit.SECONDS) && b.waitFor(600, TimeUnit.SECONDS));
    int codeA = a.exitValue();
    int codeB = b.exitValue();
    System.out.printf("concurrent merges exited %d and %d%n", codeA, codeB);
    String logs = Files.readString(log) + Files.readString(log2);
    assertTrue(logs, codeA + codeB == 4 && (codeA == 0 || codeB == 0));
    assertTrue(logs, logs.contains("another merge committed"));
    Table table = TableRows.load(shared.resolve("warehouse").toString(), "eec.hourly");
    assertEquals("one new version", base, table.currentSnapshot().parentId());
    assertEquals(0, runToEnd(codeA == 4 ? day[2] : day[3], shared, log));
    assertEquals(new HashSet<>(afterDay4), new HashSet<>(rows(shared)));
    assertEquals(afterDay4.size(), rows(shared).size());
  }
}
