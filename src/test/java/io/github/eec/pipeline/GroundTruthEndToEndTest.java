package io.github.eec.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.tools.generator.ExpectedHour;
import io.github.eec.tools.generator.FaultCounts;
import io.github.eec.tools.generator.GroundTruthCsv;
import io.github.eec.tools.generator.ReadingsGenerator;
import io.github.eec.tools.verify.ParquetRows;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Generator → pipeline → the generator's ground truth, row by row. The ground truth is computed by
 * the generator's own, independent implementation of the README's metric rules.
 */
public class GroundTruthEndToEndTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /**
   * Every row equal: counts, min, max and mean exactly; energy to 1e-9 relative (operation order).
   */
  static void assertSameRows(List<ExpectedHour> expected, List<HourlyMeterStats> actual) {
    Map<String, HourlyMeterStats> byKey = new HashMap<>();
    for (HourlyMeterStats row : actual) {
      HourlyMeterStats previous = byKey.put(row.meter() + "@" + row.windowStart(), row);
      assertTrue("duplicate output row " + row, previous == null);
    }
    assertEquals("row count", expected.size(), actual.size());
    for (ExpectedHour e : expected) {
      HourlyMeterStats a = byKey.get(e.meter() + "@" + e.windowStart());
      String where = e.toString();
      assertTrue("missing row " + where, a != null);
      assertEquals(where, e.windowEnd(), a.windowEnd());
      assertEquals(where, e.readings(), a.readings());
      assertEquals(where, e.registerResets(), a.registerResets());
      assertEquals(where, e.powerMinMw(), a.powerMinMw(), 0.0);
      assertEquals(where, e.powerMaxMw(), a.powerMaxMw(), 0.0);
      assertEquals(where, e.powerMeanMw(), a.powerMeanMw(), 0.0);
      assertEquals(
          where, e.energyMwh(), a.energyMwh(), 1e-9 * Math.max(1.0, Math.abs(e.energyMwh())));
    }
  }

  private static void assertCounters(FaultCounts faults, RunSummary s) {
    assertEquals(faults.lines(), s.get(CounterNames.LINES_READ));
    assertEquals(faults.acceptedLines(), s.get(CounterNames.READINGS_ACCEPTED));
    assertEquals(faults.headerLines(), s.get(CounterNames.HEADER_LINES));
    assertEquals(faults.rejectedLines(), s.get(CounterNames.LINES_REJECTED));
    for (Map.Entry<String, Long> e : faults.rejectedByReason().entrySet()) {
      assertEquals(
          e.getKey(),
          (long) e.getValue(),
          s.get(CounterNames.rejected(RejectReason.valueOf(e.getKey()))));
    }
  }

  @Test
  public void committedSampleMatchesItsGoldenFile() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("out");
    RunSummary s = Jobs.run(Paths.get("data/sample").toAbsolutePath() + "/*", out);
    List<ExpectedHour> expected = GroundTruthCsv.read(Paths.get("data/sample-expected"));
    assertSameRows(expected, ParquetRows.rows(out.resolve("hourly")));
    FaultCounts main = FaultCounts.read(Paths.get("data/sample-expected/readings.faults.json"));
    FaultCounts quarter =
        FaultCounts.read(Paths.get("data/sample-expected/readings-15min.faults.json"));
    assertEquals(main.lines() + quarter.lines(), s.get(CounterNames.LINES_READ));
    assertEquals(
        main.rejectedLines() + quarter.rejectedLines(), s.get(CounterNames.LINES_REJECTED));
  }

  @Test
  public void freshlyGeneratedFaultyDataMatchesTheGroundTruth() throws Exception {
    Path data = tmp.newFolder("data").toPath();
    Path truth = tmp.getRoot().toPath().resolve("expected.csv");
    FaultCounts faults =
        ReadingsGenerator.generate(
            "--meters=23",
            "--start=2024-10-26",
            "--duration=30h",
            "--period=20s",
            "--seed=77",
            "--shards=3",
            "--faultRate=0.002",
            "--timeFormat=iso",
            "--output=" + data,
            "--faultsFile=" + tmp.getRoot().toPath().resolve("faults.json"),
            "--groundTruth=" + truth);
    Path out = tmp.getRoot().toPath().resolve("out");

    RunSummary s = Jobs.run(data + "/*.csv", out, "--numShards=3");

    assertSameRows(GroundTruthCsv.read(truth), ParquetRows.rows(out.resolve("hourly")));
    assertCounters(faults, s);
  }
}
