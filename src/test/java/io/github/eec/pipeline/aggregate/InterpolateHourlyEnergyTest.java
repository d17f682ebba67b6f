package io.github.eec.pipeline.aggregate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyAccumulatorCoder;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.MeterHour;
import io.github.eec.pipeline.testing.EveryProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * The interpolation step: hand-computed rows, and the same rows whatever the number of meter
 * groups.
 */
@Category(EveryProfile.class)
public class InterpolateHourlyEnergyTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final long HOUR = Hours.HOUR_MILLIS;
  private static final long H0 = 1_709_251_200_000L; // 2024-03-01T00:00:00Z

  /** One meter-hour's accumulator, timestamped in its hour like the combine's output. */
  private static TimestampedValue<KV<String, HourlyAccumulator>> hour(
      String meter, long... timeEnergyPower) {
    HourlyAccumulator acc =
        HourlyAccumulator.of(timeEnergyPower[0], timeEnergyPower[1], timeEnergyPower[2]);
    for (int i = 3; i < timeEnergyPower.length; i += 3) {
      acc.add(timeEnergyPower[i], timeEnergyPower[i + 1], timeEnergyPower[i + 2]);
    }
    return TimestampedValue.of(KV.of(meter, acc), new Instant(timeEnergyPower[0]));
  }

  private PCollection<HourlyMeterStats> interpolate(
      List<TimestampedValue<KV<String, HourlyAccumulator>>> hours, int groups) {
    return pipeline
        .apply(
            "Hours" + groups,
            Create.timestamped(hours)
                .withCoder(KvCoder.of(StringUtf8Coder.of(), HourlyAccumulatorCoder.of())))
        .apply("Windows" + groups, Window.into(FixedWindows.of(Duration.millis(HOUR))))
        .apply("Interpolate" + groups, InterpolateHourlyEnergy.create().withMeterGroups(groups));
  }

  @Test
  public void neighbouringHoursShareTheEnergyAcrossTheBoundary() {
    // Meter A: 00:30 (1000 mWh), 00:50 (1400); 01:10 (1800). Between 00:50 and 01:10, 400 mWh in
    // 20 min: 10 min each side of 01:00. Meter B alone in its hour: only what lies inside it.
    List<TimestampedValue<KV<String, HourlyAccumulator>>> in = new ArrayList<>();
    in.add(hour("A", H0 + 30 * 60_000, 1000, 10, H0 + 50 * 60_000, 1400, 30));
    in.add(hour("A", H0 + HOUR + 10 * 60_000, 1800, 20));
    in.add(hour("B", H0 + 5 * 60_000, 50, 7, H0 + 55 * 60_000, 80, 9));
    for (int groups : new int[] {1, 2, InterpolateHourlyEnergy.MANY_GROUPS}) {
      PAssert.that(interpolate(in, groups))
          .containsInAnyOrder(
              new HourlyMeterStats("A", H0, H0 + HOUR, 400 + 200, 10, 30, 20, 2, 0),
              new HourlyMeterStats("A", H0 + HOUR, H0 + 2 * HOUR, 200, 20, 20, 20, 1, 0),
              new HourlyMeterStats("B", H0, H0 + HOUR, 30, 7, 9, 8, 2, 0));
    }
    pipeline.run();
  }

  @Test
  public void rowsDoNotDependOnTheNumberOfMeterGroups() {
    // 40 meters, 6 hours with gaps and a register reset: each meter computed on its own must give
    // the same rows whether it shares its group with every other meter or has one to itself.
    Random random = new Random(7);
    List<TimestampedValue<KV<String, HourlyAccumulator>>> in = new ArrayList<>();
    List<HourlyMeterStats> expected = new ArrayList<>();
    for (int m = 0; m < 40; m++) {
      String meter = String.format("MTR-%06d", m);
      List<MeterHour> hours = new ArrayList<>();
      long energy = random.nextInt(1_000_000);
      for (int h = 0; h < 6; h++) {
        if (random.nextInt(4) == 0) {
          continue; // an hour without readings
        }
        long t = H0 + h * HOUR + random.nextInt(600_000);
        energy = m == 3 && h == 2 ? 5 : energy + random.nextInt(5000); // meter 3's register resets
        long t2 = t + 1_000 + random.nextInt(2_000_000);
        long energy2 = energy + random.nextInt(5000);
        TimestampedValue<KV<String, HourlyAccumulator>> v =
            hour(meter, t, energy, random.nextInt(900), t2, energy2, random.nextInt(900));
        energy = energy2;
        in.add(v);
        hours.add(new MeterHour(H0 + h * HOUR, v.getValue().getValue()));
      }
      expected.addAll(HourlyEnergyCalculator.compute(meter, hours));
    }
    for (int groups : new int[] {1, 3, 16, InterpolateHourlyEnergy.MANY_GROUPS}) {
      PAssert.that(interpolate(in, groups)).containsInAnyOrder(expected);
    }
    pipeline.run();
  }

  @Test
  public void meterGroupsAreStableInRangeAndSpread() {
    assertEquals(
        KeyByMeterGroupFn.meterGroup("MTR-000042", 16),
        KeyByMeterGroupFn.meterGroup("MTR-000042", 16));
    int[] perGroup = new int[16];
    for (int m = 1; m <= 1800; m++) {
      int g = KeyByMeterGroupFn.meterGroup(String.format("MTR-%06d", m), 16);
      assertTrue(g >= 0 && g < 16);
      perGroup[g]++;
    }
    for (int count : perGroup) {
      // 112.5 on average; sequential ids must not crowd into a few groups.
      assertTrue("group sizes " + java.util.Arrays.toString(perGroup), count > 75 && count < 150);
    }
    Set<Integer> groups = new HashSet<>();
    for (int m = 1; m <= 1800; m++) {
      groups.add(
          KeyByMeterGroupFn.meterGroup(
              String.format("MTR-%06d", m), InterpolateHourlyEnergy.MANY_GROUPS));
    }
    assertTrue(
        "distinct groups " + groups.size(), groups.size() > 1750); // ~1776 expected by chance
  }
}
