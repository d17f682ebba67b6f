package io.github.eec.tools.generator;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Determinism, sharding and gzip: the files are a pure function of the options. */
public class ReadingsGeneratorTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String[] BASE = {
    "--meters=7", "--start=2024-02-28", "--duration=6h", "--period=15s"
  };
  private static final String[] SMALL = with(BASE, "--faultRate=0.002", "--seed=7");

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private Path run(String name, String... args) throws IOException {
    Path dir = tmp.getRoot().toPath().resolve(name);
    GeneratedFiles.generate(dir, with(args, "--groundTruth=" + expected(dir)));
    return dir;
  }

  private static Path expected(Path dir) {
    return dir.resolveSibling(dir.getFileName() + "-expected.csv");
  }

  @Test
  public void sameOptionsGiveByteIdenticalFiles() throws IOException {
    Path a = run("a", with(SMALL, "--shards=3", "--gzip"));
    Path b = run("b", with(SMALL, "--shards=3", "--gzip"));
    List<Path> files = GeneratedFiles.dataFiles(a);
    assertEquals(3, files.size());
    for (Path f : files) {
      assertArrayEquals(
          f.toString(), Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName())));
    }
    assertArrayEquals(
        Files.readAllBytes(a.resolve("_readings.faults.json")),
        Files.readAllBytes(b.resolve("_readings.faults.json")));
    assertArrayEquals(Files.readAllBytes(expected(a)), Files.readAllBytes(expected(b)));
  }

  @Test
  public void differentSeedsGiveDifferentData() throws IOException {
    Path a = run("a", SMALL);
    Path b = run("b", with(BASE, "--faultRate=0.002", "--seed=8"));
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(a.resolve("readings-00000-of-00001.csv")),
            Files.readAllBytes(b.resolve("readings-00000-of-00001.csv"))));
  }

  @Test
  public void aMetersLinesDoNotDependOnTheShardCountOrCompression() throws IOException {
    Path one = run("one", SMALL);
    Path three = run("three", with(SMALL, "--shards=3", "--gzip", "--threads=2"));
    assertEquals(
        List.of(
            "readings-00000-of-00003.csv.gz",
            "readings-00001-of-00003.csv.gz",
            "readings-00002-of-00003.csv.gz"),
        GeneratedFiles.dataFiles(three).stream().map(p -> p.getFileName().toString()).toList());
    Map<String, List<String>> byMeter1 = GeneratedFiles.linesByMeter(GeneratedFiles.allLines(one));
    Map<String, List<String>> byMeter3 =
        GeneratedFiles.linesByMeter(GeneratedFiles.allLines(three));
    // Malformed lines without a meter id land under "" or other keys; compare the meters' own
    // lines.
    for (int m = 1; m <= 7; m++) {
      String id = GeneratorOptions.meterId(m);
      assertTrue(id, byMeter1.get(id).size() > 1000);
      assertEquals(id, byMeter1.get(id), byMeter3.get(id));
    }
    assertArrayEquals(Files.readAllBytes(expected(one)), Files.readAllBytes(expected(three)));
    assertEquals(
        FaultCounts.read(one.resolve("_readings.faults.json")).faults(FaultKind.BAD_TIME),
        FaultCounts.read(three.resolve("_readings.faults.json")).faults(FaultKind.BAD_TIME));
  }

  @Test
  public void everyShardStartsWithTheHeaderAndIsOrderedByTime() throws IOException {
    Path dir = run("h", with(BASE, "--shards=2", "--gzip"));
    for (Path f : GeneratedFiles.dataFiles(dir)) {
      List<String> lines = GeneratedFiles.lines(f);
      assertEquals(PrintedLineParser.HEADER, lines.get(0));
      long previous = Long.MIN_VALUE;
      for (String line : lines.subList(1, lines.size())) {
        long t = PrintedLineParser.parse(line).reading.timeMillis();
        assertTrue(line, t >= previous);
        previous = t;
      }
    }
  }

  @Test
  public void headerOffAndOtherTimeFormats() throws IOException {
    Path minute =
        run(
            "m",
            "--meters=2",
            "--duration=1d",
            "--period=15min",
            "--timeFormat=minute",
            "--header=false");
    List<String> lines = GeneratedFiles.lines(minute.resolve("readings-00000-of-00001.csv"));
    assertTrue(
        lines.get(0),
        lines
            .get(0)
            .matches(
                "MTR-00000[12],\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,\\d+\\.\\d{3},\\d+\\.\\d{3}"));
    Path iso = run("i", "--meters=2", "--duration=1h", "--timeFormat=iso");
    lines = GeneratedFiles.lines(iso.resolve("readings-00000-of-00001.csv"));
    assertTrue(
        lines.get(1),
        lines.get(1).matches("MTR-00000[12],\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,.*"));
  }
}
