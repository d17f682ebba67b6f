package io.github.eec.pipeline.model;

import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.Test;

/** Every coder of the pipeline round-trips, is deterministic, and keeps equal values equal. */
public class CodersTest {

  private static HourlyAccumulator accumulator(double... powers) {
    HourlyAccumulator a = new HourlyAccumulator();
    long t = 1_709_301_600_000L;
    for (double p : powers) {
      a.add(t, 1e9 + t % 1000, p);
      t += 61_000;
    }
    return a;
  }

  @Test
  public void hourlyAccumulatorCoder() throws Exception {
    // 1e16 and 1.0 leave two partials in the exact sum: the coder must keep both.
    for (HourlyAccumulator a :
        new HourlyAccumulator[] {
          new HourlyAccumulator(), accumulator(400), accumulator(1e16, 1.0, 0.1, 3.5)
        }) {
      CoderProperties.coderDecodeEncodeEqual(HourlyAccumulatorCoder.of(), a);
      CoderProperties.coderDeterministic(HourlyAccumulatorCoder.of(), a, copy(a));
    }
    CoderProperties.coderSerializable(HourlyAccumulatorCoder.of());
  }

  private static HourlyAccumulator copy(HourlyAccumulator a) {
    HourlyAccumulator c = new HourlyAccumulator();
    c.merge(a);
    return c;
  }

  @Test
  public void meterHourCoder() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        MeterHourCoder.of(), new MeterHour(1_709_301_600_000L, accumulator(1, 2, 3)));
  }

  @Test
  public void rejectCoder() throws Exception {
    Reject r = new Reject(RejectReason.BAD_TIME, "unreadable", "gs://b/f.csv", "A,\"x\",1,2");
    CoderProperties.coderDecodeEncodeEqual(RejectCoder.of(), r);
    CoderProperties.coderConsistentWithEquals(
        RejectCoder.of(), r, new Reject(RejectReason.EMPTY_LINE, "", "", ""));
  }

  @Test
  public void hourlyMeterStatsCoder() throws Exception {
    HourlyMeterStats s = new HourlyMeterStats("A", 0L, 3_600_000L, 1200.5, 400, 1600, 1000, 4, 1);
    CoderProperties.coderDecodeEncodeEqual(HourlyMeterStatsCoder.of(), s);
    CoderProperties.coderConsistentWithEquals(
        HourlyMeterStatsCoder.of(),
        s,
        new HourlyMeterStats("A", 0L, 3_600_000L, 1200.5, 400, 1600, 1000, 4, 1));
  }
}
