package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Faults: injected at the asked rates, counted exactly, and rejected for the intended reason. */
public class FaultInjectionTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String[] BASE = {
    "--meters=4", "--start=2024-02-28", "--duration=1d", "--period=15s", "--seed=3"
  };

  private Path generate(String... more) throws IOException {
    Path dir = tmp.newFolder().toPath();
    String[] all = java.util.Arrays.copyOf(BASE, BASE.length + more.length);
    System.arraycopy(more, 0, all, BASE.length, more.length);
    GeneratedFiles.generate(dir, all);
    return dir;
  }

  private static void assertRate(String what, double rate, long n, long count) {
    double expected = rate * n;
    double bound = 5 * Math.sqrt(n * rate * (1 - rate)) + 1;
    assertTrue(
        what + ": " + count + " of " + n + ", expected about " + expected,
        Math.abs(count - expected) <= bound);
  }

  @Test
  public void everyKindIsInjectedAtItsRateAndTheFilesMatchTheCounts() throws IOException {
    Path dir = generate("--faultRate=0.02", "--faultRates=BAD_TIME:0.05", "--shards=2");
    FaultCounts c = FaultCounts.read(dir.resolve("_readings.faults.json"));
    assertEquals(4 * 5760, c.nominalReadings());
    assertEquals(c.nominalReadings(), c.missingReadings() + c.transmittedReadings());
    for (FaultKind k : FaultKind.values()) {
      assertRate(
          k.name(), k == FaultKind.BAD_TIME ? 0.05 : 0.02, c.transmittedReadings(), c.faults(k));
    }

    // Read every line back: rejects by reason, headers and accepted lines add up to the counts.
    EnumMap<FaultKind, Long> rejected = new EnumMap<>(FaultKind.class);
    long headers = 0;
    long accepted = 0;
    List<String> lines = GeneratedFiles.allLines(dir);
    for (String line : lines) {
      PrintedLineParser.Result r = PrintedLineParser.parse(line);
      if (r.header) {
        headers++;
      } else if (r.isReading()) {
        accepted++;
      } else {
        rejected.merge(FaultKind.valueOf(r.rejectReason), 1L, Long::sum);
      }
    }
    assertEquals(c.lines(), lines.size());
    assertEquals(c.acceptedLines(), accepted);
    assertEquals(c.headerLines(), headers);
    assertEquals(2 + c.faults(FaultKind.HEADER), headers);
    for (FaultKind k : FaultKind.values()) {
      if (k.isRejected()) {
        assertEquals(k.name(), c.faults(k), (long) rejected.getOrDefault(k, 0L));
      }
    }
    assertEquals(
        c.transmittedReadings() + c.faults(FaultKind.DUPLICATE) - c.rejectedLines(), accepted);
  }

  @Test
  public void duplicatesAreExactRepeatsOfTheLine() throws IOException {
    Path dir = generate("--faultRates=DUPLICATE:0.03");
    FaultCounts c = FaultCounts.read(dir.resolve("_readings.faults.json"));
    assertRate("DUPLICATE", 0.03, c.transmittedReadings(), c.faults(FaultKind.DUPLICATE));
    List<String> lines = GeneratedFiles.allLines(dir);
    long repeats = 0;
    for (int i = 1; i < lines.size(); i++) {
      repeats += lines.get(i).equals(lines.get(i - 1)) ? 1 : 0;
    }
    assertEquals(c.faults(FaultKind.DUPLICATE), repeats);
  }

  @Test
  public void outOfOrderLinesComeAfterLaterReadingsOfTheirMeter() throws IOException {
    Path dir = generate("--faultRates=OUT_OF_ORDER:0.03", "--missingRate=0", "--outageRate=0");
    FaultCounts c = FaultCounts.read(dir.resolve("_readings.faults.json"));
    assertRate("OUT_OF_ORDER", 0.03, c.transmittedReadings(), c.faults(FaultKind.OUT_OF_ORDER));
    long late = 0;
    long maxLateness = 0;
    for (List<PrintedReading> readings :
        GeneratedFiles.readingsByMeter(GeneratedFiles.allLines(dir)).values()) {
      long latest = Long.MIN_VALUE;
      for (PrintedReading r : readings) {
        if (r.timeMillis() < latest) {
          late++;
          maxLateness = Math.max(maxLateness, latest - r.timeMillis());
        }
        latest = Math.max(latest, r.timeMillis());
      }
    }
    // Only a line held back at the very end of a meter's data can come last without looking late.
    assertTrue(
        late + " of " + c.faults(FaultKind.OUT_OF_ORDER),
        late <= c.faults(FaultKind.OUT_OF_ORDER) && late >= c.faults(FaultKind.OUT_OF_ORDER) - 4);
    assertTrue(maxLateness <= 21 * 18_000L);
    assertEquals(c.transmittedReadings(), c.acceptedLines());
  }

  @Test
  public void registerResetsDropTheRegisterWhichThenGrowsAgain() throws IOException {
    Path dir = generate("--faultRates=REGISTER_RESET:0.002", "--missingRate=0", "--outageRate=0");
    FaultCounts c = FaultCounts.read(dir.resolve("_readings.faults.json"));
    long injected = c.faults(FaultKind.REGISTER_RESET);
    assertRate("REGISTER_RESET", 0.002, c.transmittedReadings(), injected);
    long drops = 0;
    for (List<PrintedReading> readings :
        GeneratedFiles.readingsByMeter(GeneratedFiles.allLines(dir)).values()) {
      for (int i = 1; i < readings.size(); i++) {
        if (readings.get(i).energy() < readings.get(i - 1).energy()) {
          drops++;
          assertTrue(readings.get(i).toString(), readings.get(i).energy() < 1000);
        }
      }
    }
    assertTrue(injected > 20);
    assertEquals(injected, drops);
    // The ground truth sees them at its anchors: never more than were injected.
    long counted =
        GeneratedFiles.groundTruthFromFiles(dir).stream()
            .mapToLong(ExpectedHour::registerResets)
            .sum();
    assertTrue(counted + " of " + injected, counted > 0 && counted <= injected);
  }

  @Test
  public void malformedLinesAreRejectedForTheirOwnReasonInEveryTimeFormat() {
    for (TimeFormat format : TimeFormat.values()) {
      GeneratorOptions o =
          GeneratorOptions.parse(
              "--output=unused",
              "--timeFormat=" + format.optionValue(),
              "--period=15min",
              "--duration=1d");
      MeterFeed feed = new MeterFeed(o, 1, new FaultCounts());
      Map<String, Integer> seen = new java.util.TreeMap<>();
      for (FaultKind kind : FaultKind.values()) {
        if (!kind.isRejected()) {
          continue;
        }
        for (int i = 0; i < 300; i++) {
          String line;
          try {
            line = feed.malformedLine(kind);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
          assertEquals(
              format + " " + kind + ": '" + line + "'",
              kind.name(),
              PrintedLineParser.parse(line).rejectReason);
          seen.merge(line, 1, Integer::sum);
        }
      }
      assertTrue("variety: " + seen.size(), seen.size() > 100);
    }
  }
}
