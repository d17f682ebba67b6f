package io.github.eec.pipeline;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.testing.EveryProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/** The transform between read and write, on hand-computed inputs. */
@Category(EveryProfile.class)
public class ComputeHourlyMetricsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final long HOUR = 3_600_000L;

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private PCollectionTuple run(String timeZone, String... lines) {
    List<KV<String, String>> input = new ArrayList<>();
    for (String line : lines) {
      input.add(KV.of("input.csv", line));
    }
    return pipeline
        .apply(Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(
            ComputeHourlyMetrics.create()
                .withRules(ReadingRules.defaults().withTimeZone(timeZone)));
  }

  @Test
  public void originalSampleHourByHand() {
    // Meter A, 14:00-15:00, every 15 minutes, power 400, 1000, 1000, 1600; a reading at 15:10.
    PCollectionTuple out =
        run(
            "UTC",
            "meter,time,energy,power",
            "A,2024-03-01 14:00,1100,400",
            "A,2024-03-01 14:15,1350,1000",
            "A,2024-03-01 14:30,1600,1000",
            "A,2024-03-01 14:45,2000,1600",
            "A,2024-03-01 15:10,2500,1200");
    long h14 = t("2024-03-01T14:00:00Z");
    PAssert.that(out.get(ComputeHourlyMetrics.HOURLY))
        .containsInAnyOrder(
            // energy: 900 inside + 500 * 15/25 after the last reading = 1200
            new HourlyMeterStats("A", h14, h14 + HOUR, 1200.0, 400, 1600, 1000, 4, 0),
            // energy: 500 * 10/25 = 200 from 15:00 to the meter's last reading
            new HourlyMeterStats("A", h14 + HOUR, h14 + 2 * HOUR, 200.0, 1200, 1200, 1200, 1, 0));
    PAssert.that(out.get(ComputeHourlyMetrics.REJECTS)).empty();
    pipeline.run();
  }

  @Test
  public void readingAtTheExactHourBelongsToTheHourItStarts() {
    PCollectionTuple out =
        run(
            "UTC",
            "M,2024-03-01 14:59:59.999,10,5",
            "M,2024-03-01 15:00:00,20,7",
            "M,2024-03-01 15:30,30,9");
    long h14 = t("2024-03-01T14:00:00Z");
    long h15 = h14 + HOUR;
    PAssert.that(out.get(ComputeHourlyMetrics.HOURLY))
        .satisfies(
            rows -> {
              List<HourlyMeterStats> list = new ArrayList<>();
              rows.forEach(list::add);
              list.sort((a, b) -> Long.compare(a.windowStart(), b.windowStart()));
              assertEquals(2, list.size());
              assertEquals(h14, list.get(0).windowStart());
              assertEquals(1, list.get(0).readings());
              assertEquals(5.0, list.get(0).powerMaxMw(), 0.0);
              assertEquals(h15, list.get(1).windowStart());
              assertEquals(2, list.get(1).readings());
              assertEquals(7.0, list.get(1).powerMinMw(), 0.0);
              // 14:59:59.999 -> 15:00:00 is 1 ms; all its 10 mWh fall in hour 14.
              assertEquals(10.0, list.get(0).energyMwh(), 1e-9);
              assertEquals(10.0, list.get(1).energyMwh(), 1e-9);
              return null;
            });
    pipeline.run();
  }

  @Test
  public void metersAreKeptApartAndLocalTimesUseTheZone() {
    PCollectionTuple out =
        run(
            "Europe/Paris", // UTC+1 in March
            "A,2024-03-01 15:10,0,100",
            "B,2024-03-01T14:10:00Z,0,200",
            "A,2024-03-01T15:20:00+01:00,50,300");
    long h14 = t("2024-03-01T14:00:00Z");
    PAssert.that(out.get(ComputeHourlyMetrics.HOURLY))
        .containsInAnyOrder(
            new HourlyMeterStats("A", h14, h14 + HOUR, 50.0, 100, 300, 200, 2, 0),
            new HourlyMeterStats("B", h14, h14 + HOUR, 0.0, 200, 200, 200, 1, 0));
    pipeline.run();
  }

  @Test
  public void badLinesGoToRejectsWithTheirReason() {
    PCollectionTuple out =
        run("UTC", "A,2024-03-01 14:00,1,1", "A,2024-03-01 14:00,-1,1", "garbage", "");
    PAssert.that(out.get(ComputeHourlyMetrics.REJECTS))
        .satisfies(
            rejects -> {
              List<RejectReason> reasons = new ArrayList<>();
              for (Reject r : rejects) {
                reasons.add(r.reason());
                assertEquals("input.csv", r.file());
              }
              reasons.sort(null);
              assertEquals(
                  Arrays.asList(
                      RejectReason.EMPTY_LINE,
                      RejectReason.WRONG_FIELD_COUNT,
                      RejectReason.NEGATIVE_ENERGY),
                  reasons);
              return null;
            });
    pipeline.run();
  }
}
