package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.registry.MeterInfo;
import io.github.eec.pipeline.testing.EveryProfile;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * The roll-up transforms by hand, run on the profile's runner: two meters of Berlin and one the
 * registry does not know, across Berlin's local midnight.
 */
@Category(EveryProfile.class)
public class RollUpTransformsTest implements Serializable {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final long HOUR = 3_600_000L;
  // 2024-03-01T22:00Z and 23:00Z are Berlin's 23:00 on the 1st and 00:00 on the 2nd.
  private static final long H22 = Instant.parse("2024-03-01T22:00:00Z").toEpochMilli();

  private static HourlyMeterStats row(String meter, long start, double energy, long readings) {
    return new HourlyMeterStats(meter, start, start + HOUR, energy, 1, 2, 1.5, readings, 0);
  }

  @Test
  public void dailyAndRegionalRollUps() {
    List<HourlyMeterStats> rows = new ArrayList<>();
    rows.add(row("A", H22, 10, 4));
    rows.add(row("A", H22 + HOUR, 20, 4));
    rows.add(row("B", H22, 1, 1));
    rows.add(HourlyMeterStats.estimated("B", H22 + HOUR, H22 + 2 * HOUR, 2));
    rows.add(row("B", H22 + 2 * HOUR, 3, 2));
    rows.add(row("X", H22 + HOUR, 100, 60));
    PCollection<HourlyMeterStats> hours = pipeline.apply("Hours", Create.of(rows));
    PCollection<KV<String, MeterInfo>> registry =
        pipeline.apply(
            "Registry",
            Create.of(
                KV.of("A", new MeterInfo("r1", "Europe/Berlin", List.of("res"))),
                KV.of("B", new MeterInfo("r1", "Europe/Berlin", List.of("biz"))),
                KV.of("C", new MeterInfo("r1", "Europe/Berlin", List.of("res")))));
    RollUpPerMeter perMeter =
        RollUpPerMeter.create().withRegistry(registry, List.of("tariff")).withMeterGroups(3);
    PCollectionTuple meters = hours.apply("PerMeter", perMeter);
    PCollectionTuple regions = meters.apply("Regions", RollUpRegions.of(Map.of("r1", 3L)));

    int first = (int) LocalDate.parse("2024-03-01").toEpochDay();
    int second = first + 1;
    PAssert.that(
            meters
                .get(RollUpPerMeter.DAILY)
                .apply(
                    "DailySummary",
                    summary(
                        d ->
                            d.get("meter")
                                + " "
                                + d.get("local_date")
                                + " "
                                + d.get("energy_mwh")
                                + " "
                                + d.get("readings")
                                + " "
                                + d.get("hours_with_readings")
                                + "+"
                                + d.get("hours_estimated")
                                + " "
                                + d.get("time_zone")
                                + " "
                                + d.get("tariff"))))
        .containsInAnyOrder(
            "A " + first + " 10.0 4 1+0 Europe/Berlin res",
            "A " + second + " 20.0 4 1+0 Europe/Berlin res",
            "B " + first + " 1.0 1 1+0 Europe/Berlin biz",
            "B " + second + " 5.0 2 1+1 Europe/Berlin biz",
            "X " + first + " 100.0 60 1+0 UTC null");
    PAssert.that(
            regions
                .get(RollUpRegions.DAILY)
                .apply(
                    "RegionalDailySummary",
                    summary(
                        r ->
                            r.get("region")
                                + " "
                                + r.get("local_date")
                                + " "
                                + r.get("energy_mwh")
                                + " "
                                + r.get("meters_reporting")
                                + "/"
                                + r.get("meters_in_registry")
                                + " "
                                + r.get("completeness_pct"))))
        .containsInAnyOrder(
            "r1 " + first + " 11.0 2/3 66.66666666666667",
            "r1 " + second + " 25.0 2/3 66.66666666666667",
            "null " + first + " 100.0 1/0 null");
    PAssert.that(
            regions
                .get(RollUpRegions.HOURLY)
                .apply(
                    "RegionalHourlySummary",
                    summary(
                        r ->
                            r.get("region")
                                + " "
                                + r.get("window_start")
                                + " "
                                + r.get("energy_mwh")
                                + " "
                                + r.get("meters_reporting")
                                + " "
                                + r.get("readings"))))
        .containsInAnyOrder(
            "r1 " + H22 + " 11.0 2 5",
            "r1 " + (H22 + HOUR) + " 22.0 1 4",
            "r1 " + (H22 + 2 * HOUR) + " 3.0 1 2",
            "null " + (H22 + HOUR) + " 100.0 1 60");
    pipeline.run().waitUntilFinish();
  }

  private static org.apache.beam.sdk.transforms.MapElements<GenericRecord, String> summary(
      SerializableFunction<GenericRecord, String> f) {
    return org.apache.beam.sdk.transforms.MapElements.into(
            org.apache.beam.sdk.values.TypeDescriptors.strings())
        .via(f);
  }
}
