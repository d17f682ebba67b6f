package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.Test;

/**
 * The committed sample (scripts/make-data.sh sample) agrees with its committed ground truth and
 * counts.
 */
public class SampleDataTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static final Path EXPECTED = Path.of("data/sample-expected");
  private static final Comparator<ExpectedHour> BY_METER_AND_HOUR =
      Comparator.comparing(ExpectedHour::meter).thenComparingLong(ExpectedHour::windowStart);

  @Test
  public void groundTruthMatchesTheSampleFiles() throws IOException {
    assertTrue(
        "run scripts/make-data.sh sample",
        Files.isDirectory(SAMPLE) && Files.isDirectory(EXPECTED));
    List<ExpectedHour> fromFiles = new ArrayList<>(GeneratedFiles.groundTruthFromFiles(SAMPLE));
    List<ExpectedHour> committed = new ArrayList<>(GroundTruthCsv.read(EXPECTED));
    fromFiles.sort(BY_METER_AND_HOUR);
    committed.sort(BY_METER_AND_HOUR);
    assertEquals(committed, fromFiles);
    assertTrue(committed.stream().anyMatch(e -> e.registerResets() > 0));
  }

  @Test
  public void faultCountsMatchTheSampleFiles() throws IOException {
    for (String prefix : new String[] {"readings", "readings-15min"}) {
      FaultCounts c = FaultCounts.read(EXPECTED.resolve(prefix + ".faults.json"));
      long accepted = 0;
      long rejected = 0;
      long headers = 0;
      for (Path f : GeneratedFiles.dataFiles(SAMPLE)) {
        if (!f.getFileName().toString().matches(prefix + "-\\d{5}-of-\\d{5}\\.csv(\\.gz)?")) {
          continue;
        }
        for (String line : GeneratedFiles.lines(f)) {
          PrintedLineParser.Result r = PrintedLineParser.parse(line);
          accepted += r.isReading() ? 1 : 0;
          rejected += r.rejectReason != null ? 1 : 0;
          headers += r.header ? 1 : 0;
        }
      }
      assertEquals(prefix, c.acceptedLines(), accepted);
      assertEquals(prefix, c.rejectedLines(), rejected);
      assertEquals(prefix, c.headerLines(), headers);
    }
  }
}
