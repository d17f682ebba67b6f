package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The realism model's promises: register consistent with power, no negative power, sane times. */
public class GeneratedReadingsTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final long START = Instant.parse("2024-02-28T00:00:00Z").toEpochMilli();
  private static final long PERIOD = 15_000;
  private static final long JITTER = 3_000; // 20 % of 15 s

  private Map<String, List<PrintedReading>> generate(String... args) throws IOException {
    Path dir = tmp.newFolder().toPath();
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add("--start=2024-02-28");
    all.add("--shards=2");
    if (all.stream().noneMatch(a -> a.startsWith("--period="))) {
      all.add("--period=15s");
    }
    GeneratedFiles.generate(dir, all.toArray(new String[0]));
    List<String> lines = GeneratedFiles.allLines(dir);
    for (String line : lines) {
      PrintedLineParser.Result r = PrintedLineParser.parse(line);
      assertTrue(line, r.isReading() || r.header); // no faults asked for
    }
    return GeneratedFiles.readingsByMeter(lines);
  }

  @Test
  public void registerGrowsByTheTrapezoidOfThePrintedPowers() throws IOException {
    Map<String, List<PrintedReading>> meters =
        generate("--meters=6", "--duration=2d", "--missingRate=0", "--outageRate=0");
    assertEquals(6, meters.size());
    for (List<PrintedReading> readings : meters.values()) {
      assertEquals(2 * 86_400_000L / PERIOD, readings.size());
      assertTrue(readings.get(0).energy() < 1e8);
      for (int i = 1; i < readings.size(); i++) {
        PrintedReading a = readings.get(i - 1);
        PrintedReading b = readings.get(i);
        double hours = (b.timeMillis() - a.timeMillis()) / 3_600_000.0;
        double trapezoid = (a.power() + b.power()) / 2 * hours;
        // The register is exact to the µWh it prints (remainders carried), plus double parsing
        // noise.
        assertEquals(b + " after " + a, trapezoid, b.energy() - a.energy(), 0.0011);
      }
    }
  }

  @Test
  public void timesAreJitteredAroundTheGridWithoutReordering() throws IOException {
    Map<String, List<PrintedReading>> meters = generate("--meters=4", "--duration=1d");
    int offGrid = 0;
    int onHour = 0;
    for (List<PrintedReading> readings : meters.values()) {
      long previous = Long.MIN_VALUE;
      double previousEnergy = -1;
      for (PrintedReading r : readings) {
        long t = r.timeMillis();
        assertTrue(r.toString(), t > previous && t >= START && t < START + 86_400_000L);
        assertEquals(0, t % 1000);
        long nominal = START + Math.round((t - START) / (double) PERIOD) * PERIOD;
        assertTrue(r.toString(), Math.abs(t - nominal) <= JITTER);
        offGrid += t != nominal ? 1 : 0;
        onHour += t % 3_600_000L == 0 ? 1 : 0;
        assertTrue(r + " power", r.power() >= 0);
        assertTrue(r + " energy never decreases without resets", r.energy() >= previousEnergy);
        previous = t;
        previousEnergy = r.energy();
      }
    }
    assertTrue(offGrid > 1000);
    assertTrue("some hours start with a reading exactly at the hour", onHour > 0);
  }

  @Test
  public void readingsGoMissingAndOutagesLeaveGaps() throws IOException {
    Map<String, List<PrintedReading>> meters =
        generate("--meters=4", "--duration=1d", "--missingRate=0.01", "--outageRate=4");
    int gaps = 0;
    long longestGap = 0;
    for (List<PrintedReading> readings : meters.values()) {
      assertTrue(readings.size() < 5760 * 0.99);
      for (int i = 1; i < readings.size(); i++) {
        long dt = readings.get(i).timeMillis() - readings.get(i - 1).timeMillis();
        gaps += dt > PERIOD + 2 * JITTER ? 1 : 0;
        longestGap = Math.max(longestGap, dt);
      }
    }
    assertTrue(gaps > 100);
    assertTrue(longestGap > 3_600_000L);
  }

  @Test
  public void loadFollowsTheTimeOfDay() throws IOException {
    Map<String, List<PrintedReading>> meters =
        generate("--meters=20", "--duration=1d", "--period=1min");
    double night = 0;
    double day = 0;
    for (List<PrintedReading> readings : meters.values()) {
      for (PrintedReading r : readings) {
        long hour = (r.timeMillis() / 3_600_000L) % 24;
        if (hour >= 1 && hour < 5) {
          night += r.power() / 4;
        } else if (hour >= 8 && hour < 20) {
          day += r.power() / 12;
        }
      }
    }
    assertTrue("day " + day + " vs night " + night, day > 1.5 * night);
  }
}
