package io.github.eec.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.tools.verify.ParquetRows;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The whole job as {@code main} runs it: files in, Parquet and rejects out, read back
 * independently.
 */
public class HourlyMetricsPipelineTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final long HOUR = 3_600_000L;

  private static RunSummary runJob(Path inputGlob, Path output, String... extra)
      throws IOException {
    return Jobs.run(inputGlob.toString(), output, extra);
  }

  @Test
  public void writesEveryColumnReadableByParquetAvro() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.writeString(
        in.resolve("a.csv"),
        "meter,time,energy,power\n"
            + "A,2024-03-01 13:45,1000,300\n"
            + "A,2024-03-01 14:00,1100,400\n"
            + "A,2024-03-01 14:15,1350,1000\r\n"
            + "A,2024-03-01 14:30,1600,1000\n"
            + "not,a,reading\n"
            + "A,2024-03-01 14:45,2000,1600\n"
            + "A,2024-03-01T15:10:00Z,2500,1200"); // no final newline
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("b.csv.gz")))) {
      gz.write(
          "B,2024-03-01T14:30:00+00:00,7.5,2.5\nB,2024-03-01 14:40:00,9.5,3.5\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    Path out = tmp.getRoot().toPath().resolve("out");

    RunSummary summary = runJob(in.resolve("*"), out, "--maxRejectedFraction=0.5");

    List<HourlyMeterStats> rows = ParquetRows.rows(out.resolve("hourly"));
    rows.sort(
        Comparator.comparing(HourlyMeterStats::meter).thenComparing(HourlyMeterStats::windowStart));
    long h13 = Instant.parse("2024-03-01T13:00:00Z").toEpochMilli();
    List<HourlyMeterStats> expected =
        List.of(
            new HourlyMeterStats("A", h13, h13 + HOUR, 100.0, 300, 300, 300, 1, 0),
            new HourlyMeterStats("A", h13 + HOUR, h13 + 2 * HOUR, 1200.0, 400, 1600, 1000, 4, 0),
            new HourlyMeterStats(
                "A", h13 + 2 * HOUR, h13 + 3 * HOUR, 200.0, 1200, 1200, 1200, 1, 0),
            new HourlyMeterStats("B", h13 + HOUR, h13 + 2 * HOUR, 2.0, 2.5, 3.5, 3.0, 2, 0));
    assertEquals(expected, rows);

    assertEquals(10, summary.get(CounterNames.LINES_READ));
    assertEquals(1, summary.get(CounterNames.HEADER_LINES));
    assertEquals(8, summary.get(CounterNames.READINGS_ACCEPTED));
    assertEquals(1, summary.get(CounterNames.LINES_REJECTED));
    assertEquals(4, summary.get(CounterNames.HOURLY_ROWS));

    List<String> rejects = rejectLines(out);
    assertEquals(1, rejects.size());
    assertThat(rejects.get(0), containsString("\"reason\":\"WRONG_FIELD_COUNT\""));
    assertThat(rejects.get(0), containsString("a.csv"));
    assertThat(rejects.get(0), containsString("\"line\":\"not,a,reading\""));
  }

  @Test
  public void parquetSchemaHasTheDocumentedColumnsAndTypes() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.writeString(in.resolve("a.csv"), "A,2024-03-01 14:00,1,1\n");
    Path out = tmp.getRoot().toPath().resolve("out");
    runJob(in.resolve("a.csv"), out, "--numShards=1");

    List<Path> files = ParquetRows.files(out.resolve("hourly"));
    assertEquals(1, files.size());
    assertEquals("hourly-00000-of-00001.parquet", files.get(0).getFileName().toString());
    MessageType schema = ParquetRows.parquetSchema(files.get(0));
    List<String> names =
        schema.getFields().stream()
            .map(org.apache.parquet.schema.Type::getName)
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "meter",
            "window_start",
            "window_end",
            "energy_mwh",
            "power_min_mw",
            "power_max_mw",
            "power_mean_mw",
            "readings",
            "register_resets",
            "estimated"),
        names);
    assertEquals(
        LogicalTypeAnnotation.stringType(), schema.getType("meter").getLogicalTypeAnnotation());
    for (String ts : List.of("window_start", "window_end")) {
      assertEquals(
          PrimitiveTypeName.INT64, schema.getType(ts).asPrimitiveType().getPrimitiveTypeName());
      assertEquals(
          LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS),
          schema.getType(ts).getLogicalTypeAnnotation());
    }
    for (String d : List.of("energy_mwh", "power_min_mw", "power_max_mw", "power_mean_mw")) {
      assertEquals(
          PrimitiveTypeName.DOUBLE, schema.getType(d).asPrimitiveType().getPrimitiveTypeName());
    }
    assertEquals(
        PrimitiveTypeName.INT64,
        schema.getType("readings").asPrimitiveType().getPrimitiveTypeName());
    // Power is null on estimated rows (--fillGaps); energy never is.
    assertEquals(
        org.apache.parquet.schema.Type.Repetition.REQUIRED,
        schema.getType("energy_mwh").getRepetition());
    assertEquals(
        org.apache.parquet.schema.Type.Repetition.OPTIONAL,
        schema.getType("power_mean_mw").getRepetition());
    assertEquals(
        PrimitiveTypeName.BOOLEAN,
        schema.getType("estimated").asPrimitiveType().getPrimitiveTypeName());
    Schema avro = ParquetRows.avroSchema(out.resolve("hourly"));
    assertEquals(
        "timestamp-millis", avro.getField("window_start").schema().getLogicalType().getName());
  }

  /**
   * Conservation over random, partly malformed input: every line is a header, an accepted reading
   * counted in exactly one output row, or a reject; nothing vanishes and file names never collide.
   */
  @Test
  public void everyLineEndsUpInExactlyOnePlace() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Random random = new Random(11);
    long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    int expectedAccepted = 0;
    int expectedRejected = 0;
    int expectedHeaders = 0;
    Set<String> meterHours = new HashSet<>();
    for (int f = 0; f < 3; f++) {
      StringBuilder sb = new StringBuilder();
      if (f != 1) {
        sb.append("meter,time,energy,power\n");
        expectedHeaders++;
      }
      for (int i = 0; i < 4000; i++) {
        String meter = "M" + random.nextInt(25);
        long t = start + random.nextInt(72) * HOUR + random.nextInt((int) HOUR);
        String time = Instant.ofEpochMilli(t).toString().replace("T", " ").replace("Z", "");
        int kind = random.nextInt(20);
        if (kind == 0) {
          sb.append(meter).append(',').append(time).append(",abc,1\n");
          expectedRejected++;
        } else if (kind == 1) {
          sb.append(meter).append(',').append(time).append(",1\n");
          expectedRejected++;
        } else if (kind == 2) {
          sb.append(meter).append(",2024-13-01 00:00,1,1\n");
          expectedRejected++;
        } else {
          sb.append(meter)
              .append(',')
              .append(time)
              .append(',')
              .append(t / 1000.0)
              .append(',')
              .append(random.nextInt(5000))
              .append('\n');
          expectedAccepted++;
          meterHours.add(meter + "@" + Math.floorDiv(t, HOUR));
        }
      }
      Files.writeString(in.resolve("part-" + f + ".csv"), sb.toString());
    }
    Path out = tmp.getRoot().toPath().resolve("out");

    RunSummary summary =
        runJob(in.resolve("*.csv"), out, "--numShards=3", "--maxRejectedFraction=1");

    assertEquals(
        expectedAccepted + expectedRejected + expectedHeaders,
        summary.get(CounterNames.LINES_READ));
    assertEquals(expectedAccepted, summary.get(CounterNames.READINGS_ACCEPTED));
    assertEquals(expectedRejected, summary.get(CounterNames.LINES_REJECTED));
    assertEquals(expectedHeaders, summary.get(CounterNames.HEADER_LINES));
    assertEquals(expectedRejected, rejectLines(out).size());

    List<HourlyMeterStats> rows = ParquetRows.rows(out.resolve("hourly"));
    assertEquals(meterHours.size(), rows.size());
    assertEquals(meterHours.size(), summary.get(CounterNames.HOURLY_ROWS));
    Set<String> keys =
        rows.stream()
            .map(r -> r.meter() + "@" + r.windowStart() / HOUR)
            .collect(Collectors.toSet());
    assertEquals(meterHours, keys); // each meter-hour exactly once
    assertEquals(expectedAccepted, rows.stream().mapToLong(HourlyMeterStats::readings).sum());
    for (HourlyMeterStats r : rows) {
      assertTrue(r.energyMwh() >= 0);
      assertTrue(r.powerMinMw() <= r.powerMeanMw() && r.powerMeanMw() <= r.powerMaxMw());
    }
    for (Path file : ParquetRows.files(out.resolve("hourly"))) {
      assertThat(file.getFileName().toString(), not(containsString(":")));
    }
  }

  @Test
  public void rerunIsRefusedOrReplacesTheOutputWithTheSameRows() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.writeString(
        in.resolve("a.csv"),
        "A,2024-03-01 14:00,1,1\nA,2024-03-01 15:30,5,2\nB,2024-03-01 14:00,1,1\n");
    Path out = tmp.getRoot().toPath().resolve("out");
    runJob(in.resolve("a.csv"), out);
    List<HourlyMeterStats> first = ParquetRows.rows(out.resolve("hourly"));
    IllegalArgumentException refused =
        org.junit.Assert.assertThrows(
            IllegalArgumentException.class, () -> runJob(in.resolve("a.csv"), out));
    assertThat(refused.getMessage(), containsString("--overwrite"));
    runJob(in.resolve("a.csv"), out, "--overwrite=true");
    List<HourlyMeterStats> second = ParquetRows.rows(out.resolve("hourly"));
    assertEquals(3, first.size());
    assertEquals(new HashSet<>(first), new HashSet<>(second));
    assertEquals(first.size(), second.size());
  }

  private static List<String> rejectLines(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("rejects"))) {
      for (Path f :
          files.filter(p -> p.toString().endsWith(".jsonl")).collect(Collectors.toList())) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }
}
