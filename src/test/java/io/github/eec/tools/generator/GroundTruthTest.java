package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The --groundTruth file: what the files hold, by the README's rules, and easy to load. */
public class GroundTruthTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void groundTruthEqualsTheRulesAppliedToTheWrittenFiles() throws IOException {
    Path dir = tmp.newFolder("data").toPath();
    Path expected = tmp.getRoot().toPath().resolve("expected/readings.expected.csv.gz");
    GeneratedFiles.generate(
        dir,
        "--meters=5",
        "--start=2024-02-28",
        "--duration=30h",
        "--period=15s",
        "--shards=2",
        "--gzip",
        "--faultRate=0.005",
        "--outageRate=3",
        "--groundTruth=" + expected);
    List<ExpectedHour> written = GroundTruthCsv.read(expected);
    assertEquals(GeneratedFiles.groundTruthFromFiles(dir), written);
    assertEquals(written, GroundTruthCsv.read(expected.getParent())); // a folder reads all its CSVs
    assertTrue(written.size() > 100);
    assertTrue("outages leave hours without rows", written.size() < 5 * 31);
    assertTrue(written.stream().anyMatch(e -> e.registerResets() > 0));
  }

  @Test
  public void withoutGapsOrResetsTheHoursAddUpToTheRegisterIncrease() throws IOException {
    Path dir = tmp.newFolder("data").toPath();
    Path expected = dir.resolveSibling("expected.csv");
    GeneratedFiles.generate(
        dir,
        "--meters=3",
        "--duration=26h",
        "--period=1min",
        "--missingRate=0.05",
        "--outageRate=0",
        "--groundTruth=" + expected);
    Map<String, List<PrintedReading>> readings =
        GeneratedFiles.readingsByMeter(GeneratedFiles.allLines(dir));
    List<ExpectedHour> rows = GroundTruthCsv.read(expected);
    for (Map.Entry<String, List<PrintedReading>> e : readings.entrySet()) {
      List<PrintedReading> r = e.getValue();
      double increase = r.get(r.size() - 1).energy() - r.get(0).energy();
      double sum =
          rows.stream()
              .filter(x -> x.meter().equals(e.getKey()))
              .mapToDouble(ExpectedHour::energyMwh)
              .sum();
      assertEquals(e.getKey(), increase, sum, 1e-6);
      assertEquals(26, rows.stream().filter(x -> x.meter().equals(e.getKey())).count());
    }
  }

  @Test
  public void csvRoundTripsEveryDouble() throws IOException {
    List<ExpectedHour> rows =
        List.of(
            new ExpectedHour(
                "MTR-000001",
                0L,
                3_600_000L,
                0.1 + 0.2,
                1e-300,
                1.7976931348623157E308,
                1.0 / 3,
                3,
                0),
            new ExpectedHour("MTR-000002", 3_600_000L, 7_200_000L, 12345678.9, 0, 5, 2.5, 1, 2));
    Path f = tmp.getRoot().toPath().resolve("g.csv");
    GroundTruthCsv.write(f, rows);
    assertEquals(rows, GroundTruthCsv.read(f));
    assertEquals(GroundTruthCsv.HEADER, GeneratedFiles.lines(f).get(0));
  }
}
