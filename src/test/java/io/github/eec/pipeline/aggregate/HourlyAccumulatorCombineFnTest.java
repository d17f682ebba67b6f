package io.github.eec.pipeline.aggregate;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.model.HourlyAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.junit.Test;

public class HourlyAccumulatorCombineFnTest {
  private static final long H14 = 1_709_301_600_000L; // 2024-03-01T14:00:00Z

  /** A one-reading partial, as the parse step emits without pre-combining. */
  private static HourlyAccumulator r(long minute, double energy, double power) {
    return HourlyAccumulator.of(H14 + minute * 60_000L, energy, power);
  }

  @Test
  public void originalSampleHour() {
    // The original sample: meter A, 14:00-15:00, every 15 minutes, power 400, 1000, 1000, 1600.
    HourlyAccumulatorCombineFn fn = new HourlyAccumulatorCombineFn();
    HourlyAccumulator acc = fn.createAccumulator();
    for (HourlyAccumulator r :
        Arrays.asList(r(30, 1600, 1000), r(0, 1100, 400), r(45, 2000, 1600), r(15, 1350, 1000))) {
      acc = fn.addInput(acc, r);
    }
    HourlyAccumulator out = fn.extractOutput(acc);
    assertEquals(4, out.count());
    assertEquals(400.0, out.powerMin(), 0.0);
    assertEquals(1600.0, out.powerMax(), 0.0);
    assertEquals(1000.0, out.powerMean(), 0.0);
    assertEquals(H14, out.firstTime());
    assertEquals(1100.0, out.firstEnergy(), 0.0);
    assertEquals(H14 + 45 * 60_000L, out.lastTime());
    assertEquals(2000.0, out.lastEnergy(), 0.0);
  }

  @Test
  public void equalTimesBreakTiesByEnergy() {
    HourlyAccumulatorCombineFn fn = new HourlyAccumulatorCombineFn();
    HourlyAccumulator acc = fn.createAccumulator();
    for (HourlyAccumulator r : Arrays.asList(r(5, 20, 1), r(5, 10, 1), r(5, 30, 1))) {
      acc = fn.addInput(acc, r);
    }
    assertEquals(10.0, acc.firstEnergy(), 0.0);
    assertEquals(30.0, acc.lastEnergy(), 0.0);
  }

  /**
   * CombineFnTester adds the inputs in many orders and merges accumulators split every which way.
   */
  @Test
  public void anySplitAndMergeOrderGivesTheSameResult() {
    Random random = new Random(7);
    List<HourlyAccumulator> partials = new ArrayList<>();
    HourlyAccumulator expected = new HourlyAccumulator();
    for (int i = 0; i < 60; i++) {
      long t = H14 + random.nextInt(3_600_000);
      double energy = 1e6 + random.nextInt(100_000) / 7.0;
      double power = random.nextDouble() * Math.pow(10, random.nextInt(7));
      if (i % 3 == 0 && !partials.isEmpty()) {
        partials.get(partials.size() - 1).add(t, energy, power); // pre-combined partials too
      } else {
        partials.add(HourlyAccumulator.of(t, energy, power));
      }
      expected.add(t, energy, power);
    }
    // Same instant twice with different registers: the tie-break must not depend on order either.
    partials.add(HourlyAccumulator.of(H14 + 1000, 5.0, 1.0));
    partials.add(HourlyAccumulator.of(H14 + 1000, 6.0, 2.0));
    expected.add(H14 + 1000, 5.0, 1.0);
    expected.add(H14 + 1000, 6.0, 2.0);
    CombineFnTester.testCombineFn(new HourlyAccumulatorCombineFn(), partials, expected);
  }
}
