package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.testing.EveryProfile;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
@Category(EveryProfile.class)
public class ParseReadingsTest implements Serializable {
  private static final String HEADER = "meter,time,energy,power";

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static long utc(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  private static long local(String isoLocal, String zone) {
    return LocalDateTime.parse(isoLocal).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
  }

  private PCollectionTuple parse(String zone, List<KV<String, String>> lines) {
    return p.apply(
            "Lines",
            Create.of(lines).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(
            "ParseReadings",
            ParseReadings.create()
                .withRules(ReadingRules.defaults().withTimeZone(zone))
                .withoutPreCombining());
  }

  /** Without pre-combining every reading leaves as a one-reading accumulator; this names it. */
  private static String reading(String meter, long time, double energy, double power) {
    return meter + "@" + time + " E=" + energy + " P=" + power;
  }

  private static PCollection<String> readings(PCollectionTuple parsed) {
    return parsed
        .get(ParseReadings.ACCUMULATORS)
        .apply(
            "AsReadings",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    kv -> {
                      HourlyAccumulator a = kv.getValue();
                      assertEquals(1, a.count());
                      return reading(kv.getKey(), a.firstTime(), a.firstEnergy(), a.powerSum());
                    }));
  }

  /** What a reject must carry, without pinning the human-readable detail text. */
  private static String key(RejectReason reason, String file, String line) {
    return reason + "|" + file + "|" + line;
  }

  private static PCollection<Reject> assertRejects(
      PCollectionTuple parsed, String... expectedKeys) {
    PCollection<Reject> rejects = parsed.get(ParseReadings.REJECTS);
    List<String> expected = new ArrayList<>(Arrays.asList(expectedKeys));
    PAssert.that(rejects)
        .satisfies(
            all -> {
              List<String> actual = new ArrayList<>();
              for (Reject r : all) {
                actual.add(key(r.reason(), r.file(), r.line()));
                assertTrue(r.toString(), r.detail() != null && !r.detail().isEmpty());
                assertFalse(r.toString(), r.line().equals(HEADER));
              }
              actual.sort(null);
              List<String> want = new ArrayList<>(expected);
              want.sort(null);
              assertEquals(want, actual);
              return null;
            });
    return rejects;
  }

  @Test
  public void everyTimeFormatAndEveryRejectReason() {
    List<KV<String, String>> lines =
        Arrays.asList(
            KV.of("a.csv", HEADER),
            KV.of("a.csv", "A,2024-01-01 10:00:00,100,5"),
            KV.of("a.csv", "A,2024-01-01 10:15,110.5,6"),
            KV.of("a.csv", "A,2024-01-01 10:30:00.123456,120,7"),
            KV.of("a.csv", "A,2024-01-01T10:45,1.2e3,.5"),
            KV.of("a.csv", "A,2024-01-01T10:50:30.5,1.3E3,0"),
            KV.of("a.csv", " B , 2024-01-01T10:45Z , 7 , 8 \r"),
            KV.of("a.csv", "B,2024-01-01T10:45:30+02:00,9,10"),
            KV.of("a.csv", "B,2024-01-01T10:45:30.25-05:30,11,12"),
            KV.of("a.csv", "B,2024-01-01T10:45:30.999-0530,13,14"),
            KV.of("a.csv", "B,2024-01-01T11:00:00+05,15,16"),
            KV.of("a.csv", "B,2024-01-01T11:00:00.123456789Z,-0,-0"),
            // a second file: its header has a BOM and another case, and counts as a header too
            KV.of("b.csv", "\uFEFF" + "METER,Time,Energy,Power"),
            KV.of("b.csv", "C,2024-01-01 12:00,1,2"),
            KV.of("b.csv", HEADER), // a header in the middle, e.g. concatenated files
            KV.of("b.csv", ""),
            KV.of("b.csv", "   \r"),
            KV.of("b.csv", "C,2024-01-01 12:00,1"),
            KV.of("b.csv", "C,2024-01-01 12:00,1,2,3"),
            KV.of("b.csv", " ,2024-01-01 12:00,1,2"),
            KV.of("b.csv", "C,2024-02-30 12:00,1,2"),
            KV.of("b.csv", "C,2024-01-01 12:00+01:00,1,2"),
            KV.of("b.csv", "C,2024-01-01 12:00,NaN,2"),
            KV.of("b.csv", "C,2024-01-01 12:00,Infinity,2"),
            KV.of("b.csv", "C,2024-01-01 12:00,,2"),
            KV.of("b.csv", "C,2024-01-01 12:00,-1,2"),
            KV.of("b.csv", "C,2024-01-01 12:00,1,0x10"),
            KV.of("b.csv", "C,2024-01-01 12:00,1,-0.5"));

    PCollectionTuple parsed = parse("UTC", lines);

    PAssert.that(readings(parsed))
        .containsInAnyOrder(
            reading("A", utc("2024-01-01T10:00:00Z"), 100, 5),
            reading("A", utc("2024-01-01T10:15:00Z"), 110.5, 6),
            reading("A", utc("2024-01-01T10:30:00.123Z"), 120, 7),
            reading("A", utc("2024-01-01T10:45:00Z"), 1200, 0.5),
            reading("A", utc("2024-01-01T10:50:30.500Z"), 1300, 0),
            reading("B", utc("2024-01-01T10:45:00Z"), 7, 8),
            reading("B", utc("2024-01-01T08:45:30Z"), 9, 10),
            reading("B", utc("2024-01-01T16:15:30.250Z"), 11, 12),
            reading("B", utc("2024-01-01T16:15:30.999Z"), 13, 14),
            reading("B", utc("2024-01-01T06:00:00Z"), 15, 16),
            reading("B", utc("2024-01-01T11:00:00.123Z"), 0.0, 0.0),
            reading("C", utc("2024-01-01T12:00:00Z"), 1, 2));

    assertRejects(
        parsed,
        key(RejectReason.EMPTY_LINE, "b.csv", ""),
        key(RejectReason.EMPTY_LINE, "b.csv", "   \r"),
        key(RejectReason.WRONG_FIELD_COUNT, "b.csv", "C,2024-01-01 12:00,1"),
        key(RejectReason.WRONG_FIELD_COUNT, "b.csv", "C,2024-01-01 12:00,1,2,3"),
        key(RejectReason.EMPTY_METER, "b.csv", " ,2024-01-01 12:00,1,2"),
        key(RejectReason.BAD_TIME, "b.csv", "C,2024-02-30 12:00,1,2"),
        key(RejectReason.BAD_TIME, "b.csv", "C,2024-01-01 12:00+01:00,1,2"),
        key(RejectReason.BAD_ENERGY, "b.csv", "C,2024-01-01 12:00,NaN,2"),
        key(RejectReason.BAD_ENERGY, "b.csv", "C,2024-01-01 12:00,Infinity,2"),
        key(RejectReason.BAD_ENERGY, "b.csv", "C,2024-01-01 12:00,,2"),
        key(RejectReason.NEGATIVE_ENERGY, "b.csv", "C,2024-01-01 12:00,-1,2"),
        key(RejectReason.BAD_POWER, "b.csv", "C,2024-01-01 12:00,1,0x10"),
        key(RejectReason.NEGATIVE_POWER, "b.csv", "C,2024-01-01 12:00,1,-0.5"));

    PipelineResult result = p.run();
    result.waitUntilFinish();

    assertEquals(lines.size(), counter(result, CounterNames.LINES_READ));
    assertEquals(12, counter(result, CounterNames.READINGS_ACCEPTED));
    assertEquals(3, counter(result, CounterNames.HEADER_LINES));
    assertEquals(13, counter(result, CounterNames.LINES_REJECTED));
    assertEquals(2, counter(result, CounterNames.rejected(RejectReason.EMPTY_LINE)));
    assertEquals(2, counter(result, CounterNames.rejected(RejectReason.BAD_TIME)));
    assertEquals(3, counter(result, CounterNames.rejected(RejectReason.BAD_ENERGY)));
    assertEquals(1, counter(result, CounterNames.rejected(RejectReason.NEGATIVE_POWER)));
  }

  /** Local times are in the configured region zone, with java.time's gap and overlap rules. */
  @Test
  public void localTimesInEuropeParis() {
    String zone = "Europe/Paris";
    List<KV<String, String>> lines =
        Arrays.asList(
            KV.of("paris.csv", HEADER),
            KV.of("paris.csv", "P,2024-01-15 12:00:00,1,1"), // CET, +01:00
            KV.of("paris.csv", "P,2024-07-15 12:00,2,2"), // CEST, +02:00
            KV.of("paris.csv", "P,2024-07-15T12:00:00.5,3,3"),
            KV.of("paris.csv", "P,2024-03-31 02:30,4,4"), // in the spring gap: shifted to 03:30
            KV.of("paris.csv", "P,2024-10-27 02:30,5,5"), // in the autumn overlap: earlier offset
            KV.of("paris.csv", "P,2024-07-15T12:00:00Z,6,6"), // an explicit offset wins
            KV.of("paris.csv", "P,2024-07-15T12:00+05:30,7,7"),
            KV.of("paris.csv", "P,2023-02-29 12:00,8,8"));

    // The hand-typed instants agree with java.time's reading of the same local times.
    assertEquals(utc("2024-01-15T11:00:00Z"), local("2024-01-15T12:00:00", zone));
    assertEquals(utc("2024-07-15T10:00:00Z"), local("2024-07-15T12:00:00", zone));
    assertEquals(utc("2024-03-31T01:30:00Z"), local("2024-03-31T02:30:00", zone));
    assertEquals(utc("2024-10-27T00:30:00Z"), local("2024-10-27T02:30:00", zone));

    PCollectionTuple parsed = parse(zone, lines);

    PAssert.that(readings(parsed))
        .containsInAnyOrder(
            reading("P", utc("2024-01-15T11:00:00Z"), 1, 1),
            reading("P", utc("2024-07-15T10:00:00Z"), 2, 2),
            reading("P", utc("2024-07-15T10:00:00.500Z"), 3, 3),
            reading("P", utc("2024-03-31T01:30:00Z"), 4, 4),
            reading("P", utc("2024-10-27T00:30:00Z"), 5, 5),
            reading("P", utc("2024-07-15T12:00:00Z"), 6, 6),
            reading("P", utc("2024-07-15T06:30:00Z"), 7, 7));
    assertRejects(parsed, key(RejectReason.BAD_TIME, "paris.csv", "P,2023-02-29 12:00,8,8"));

    p.run().waitUntilFinish();
  }

  @Test
  public void onlyHeadersGiveNoOutput() {
    PCollectionTuple parsed =
        parse("UTC", Arrays.asList(KV.of("h.csv", HEADER), KV.of("h.csv", "\uFEFF" + HEADER)));
    PAssert.that(readings(parsed)).empty();
    PAssert.that(parsed.get(ParseReadings.REJECTS)).empty();
    p.run().waitUntilFinish();
  }

  /** The full reject, detail included, for one case: what ends up in the rejects JSON. */
  @Test
  public void rejectCarriesDetailFileAndOriginalLine() {
    String line = " X , 2024-13-01 00:00 ,1,2\r";
    PCollectionTuple parsed = parse("UTC", Arrays.asList(KV.of("dir/x.csv.gz", line)));
    PAssert.that(readings(parsed)).empty();
    PAssert.that(parsed.get(ParseReadings.REJECTS))
        .satisfies(
            all -> {
              List<Reject> list = new ArrayList<>();
              all.forEach(list::add);
              assertEquals(list.toString(), 1, list.size());
              Reject r = list.get(0);
              assertEquals(RejectReason.BAD_TIME, r.reason());
              assertEquals("dir/x.csv.gz", r.file());
              assertEquals(line, r.line()); // the original, untrimmed line
              assertTrue(r.detail(), r.detail().contains("2024-13-01 00:00"));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test(expected = IllegalArgumentException.class)
  public void unknownZoneFailsWhenTheTransformIsBuilt() {
    ParseReadings.create().withRules(ReadingRules.defaults().withTimeZone("Mars/Olympus_Mons"));
  }

  @Test(expected = IllegalArgumentException.class)
  public void nullZoneFailsWhenTheTransformIsBuilt() {
    ParseReadings.create().withRules(ReadingRules.defaults().withTimeZone(null));
  }

  private static long counter(PipelineResult result, String name) {
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(CounterNames.NAMESPACE, name))
                    .build());
    long sum = 0;
    for (MetricResult<Long> c : metrics.getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }
}
