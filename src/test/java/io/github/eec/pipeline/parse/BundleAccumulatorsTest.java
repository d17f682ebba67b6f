package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.model.HourlyAccumulator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class BundleAccumulatorsTest {
  private static final long HOUR = 3_600_000L;

  /** Against a plain HashMap, through several growths and two drains, with meters inside lines. */
  @Test
  public void sameAccumulatorsAsAPlainMap() {
    Random random = new Random(9);
    BundleAccumulators partials = new BundleAccumulators();
    for (int round = 0; round < 2; round++) {
      Map<String, HourlyAccumulator> expected = new HashMap<>();
      for (int i = 0; i < 50_000; i++) {
        String meter = "MTR-" + random.nextInt(3000);
        long t = 1_700_000_000_000L + (random.nextInt(8) - 2) * HOUR + random.nextInt((int) HOUR);
        double e = random.nextInt(1000);
        double p = random.nextInt(1000) / 4.0;
        String line = "x," + meter + ",rest"; // the meter is a slice of the line
        partials.add(line, 2, 2 + meter.length(), t, e, p);
        expected
            .computeIfAbsent(meter + "@" + Math.floorDiv(t, HOUR), k -> new HourlyAccumulator())
            .add(t, e, p);
      }
      assertEquals(expected.size(), partials.size());
      Map<String, HourlyAccumulator> actual = new HashMap<>();
      partials.drainTo((m, a) -> actual.put(m + "@" + Math.floorDiv(a.firstTime(), HOUR), a));
      assertEquals(expected, actual);
      assertEquals(0, partials.size());
    }
  }

  /** A stream's rows wait for a later hour's pane: a meter's earlier hour must come out first. */
  @Test
  public void drainedHourByHour() {
    Random random = new Random(3);
    BundleAccumulators partials = new BundleAccumulators();
    for (int i = 0; i < 20_000; i++) {
      String meter = "MTR-" + random.nextInt(500);
      long t = 1_700_000_000_000L + random.nextInt(6) * HOUR + random.nextInt((int) HOUR);
      partials.add(meter, 0, meter.length(), t, 1, 1);
    }
    int held = partials.size();
    long[] last = {Long.MIN_VALUE};
    int[] drained = {0};
    partials.drainTo(
        (m, a) -> {
          long hour = Math.floorDiv(a.firstTime(), HOUR);
          assertTrue("hour " + hour + " after " + last[0], hour >= last[0]);
          last[0] = hour;
          drained[0]++;
        });
    assertEquals(held, drained[0]);
    assertEquals(0, partials.size());
  }

  @Test
  public void negativeTimesFallInTheirOwnHour() {
    BundleAccumulators partials = new BundleAccumulators();
    partials.add("A", 0, 1, -1, 1, 1); // 1969-12-31T23:59:59.999Z
    partials.add("A", 0, 1, 0, 2, 2);
    assertEquals(2, partials.size());
  }
}
