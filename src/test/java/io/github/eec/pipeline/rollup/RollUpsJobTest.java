package io.github.eec.pipeline.rollup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.testing.CommandLineRun;
import io.github.eec.tools.generator.ReadingsGenerator;
import io.github.eec.tools.verify.ParquetRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The roll-ups of a whole run, on generated data with outages and resets across the clock changes
 * of March 2024 (New York on the 10th, Berlin on the 31st): days, regions and periods add up, gap
 * hours fill the consumption exactly, the registry's mistakes stop the run.
 */
public class RollUpsJobTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final long HOUR = 3_600_000L;

  private String stdout;
  private String stderr;

  private int run(String... args) {
    CommandLineRun r = CommandLineRun.of(args);
    stdout = r.stdout;
    stderr = r.stderr;
    return r.code;
  }

  /** Six meters at 15 min, 2024-03-05 to 2024-04-03, with outages (some over a day) and resets. */
  private Path readings() throws Exception {
    Path dir = tmp.newFolder("in").toPath();
    ReadingsGenerator.generate(
        "--meters=6",
        "--start=2024-03-05",
        "--duration=29d",
        "--period=15min",
        "--jitter=0",
        "--timeFormat=minute",
        "--seed=13",
        "--outageRate=0.4",
        "--header=false",
        "--faultRates=REGISTER_RESET:0.002,DUPLICATE:0.001,OUT_OF_ORDER:0.001",
        "--output=" + dir);
    Path file;
    try (Stream<Path> s = Files.list(dir)) {
      file = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    // Meter 2 silent for two whole days.
    List<String> kept =
        Files.readAllLines(file).stream()
            .filter(
                l ->
                    !(l.startsWith("MTR-000002,2024-03-2")
                        && (l.charAt(19) == '0' || l.charAt(19) == '1')))
            .collect(Collectors.toList());
    Files.write(file, kept);
    return file;
  }

  private Path registry() throws Exception {
    Path f = tmp.getRoot().toPath().resolve("meters.csv");
    Files.write(
        f,
        List.of(
            "meter,region,time_zone,tariff",
            "MTR-000001,berlin,Europe/Berlin,\"res, night\"",
            "MTR-000002,berlin,Europe/Berlin,res",
            "MTR-000003,berlin,Europe/Berlin,biz",
            "MTR-000004,new-york,America/New_York,res",
            "MTR-000005,new-york,America/New_York,biz",
            "MTR-000099,new-york,America/New_York,res")); // listed, never reports; MTR-000006 is
    // not listed
    return f;
  }

  private Path schedule() throws Exception {
    Path f = tmp.getRoot().toPath().resolve("tou.txt");
    Files.write(f, List.of("peak: Mon-Fri 17:00-21:00", "offpeak: otherwise"));
    return f;
  }

  private static List<GenericRecord> records(Path dir) throws Exception {
    return ParquetRows.records(dir);
  }

  /** The meter's whole consumption from its raw lines, by the anchors the rule uses. */
  private static Map<String, Double> consumptionByMeter(Path file) throws Exception {
    Map<String, TreeMap<Long, double[]>> anchors = new TreeMap<>(); // hour -> {ft, fe, lt, le}
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(",");
      long t = LocalDateTime.parse(f[1], MINUTE).toInstant(ZoneOffset.UTC).toEpochMilli();
      double e = Double.parseDouble(f[2]);
      double[] a =
          anchors
              .computeIfAbsent(f[0], m -> new TreeMap<>())
              .computeIfAbsent(
                  Math.floorDiv(t, HOUR), h -> new double[] {Long.MAX_VALUE, 0, Long.MIN_VALUE, 0});
      if (t < a[0] || (t == a[0] && e < a[1])) {
        a[0] = t;
        a[1] = e;
      }
      if (t > a[2] || (t == a[2] && e > a[3])) {
        a[2] = t;
        a[3] = e;
      }
    }
    Map<String, Double> total = new HashMap<>();
    for (Map.Entry<String, TreeMap<Long, double[]>> meter : anchors.entrySet()) {
      double sum = 0;
      Double previous = null;
      for (double[] a : meter.getValue().values()) {
        for (double e : new double[] {a[1], a[3]}) {
          if (previous != null) {
            sum += e >= previous ? e - previous : e;
          }
          previous = e;
        }
      }
      total.put(meter.getKey(), sum);
    }
    return total;
  }

  @Test
  public void daysRegionsAndPeriodsAddUpAndGapsFillTheConsumption() throws Exception {
    Path input = readings();
    Path out = tmp.getRoot().toPath().resolve("out");
    assertEquals(
        stderr,
        ExitCode.DONE,
        run(
            "--input=" + input,
            "--output=" + out,
            "--runner=DirectRunner",
            "--meterRegistry=" + registry(),
            "--touSchedule=" + schedule(),
            "--fillGaps=true",
            "--csv=true",
            "--numShards=2"));
    assertThat(stdout, containsString("meters not in the registry 1"));

    List<HourlyMeterStats> hourly = ParquetRows.rows(out.resolve("hourly"));
    assertTrue("gap hours were filled", hourly.stream().anyMatch(HourlyMeterStats::isEstimated));
    Map<String, List<HourlyMeterStats>> byMeter =
        hourly.stream().collect(Collectors.groupingBy(HourlyMeterStats::meter));
    // Every meter's hours add up to its consumption: the gaps' shares are in the estimated rows.
    Map<String, Double> consumption = consumptionByMeter(input);
    for (Map.Entry<String, List<HourlyMeterStats>> m : byMeter.entrySet()) {
      double sum = m.getValue().stream().mapToDouble(HourlyMeterStats::energyMwh).sum();
      assertEquals(m.getKey(), consumption.get(m.getKey()), sum, 1e-9 * sum);
      for (HourlyMeterStats h : m.getValue()) {
        if (h.isEstimated()) {
          assertEquals(0, h.readings());
          assertTrue(Double.isNaN(h.powerMeanMw()));
        }
      }
    }

    List<GenericRecord> daily = records(out.resolve("daily"));
    Map<String, ZoneId> zones =
        Map.of(
            "MTR-000001",
            ZoneId.of("Europe/Berlin"),
            "MTR-000002",
            ZoneId.of("Europe/Berlin"),
            "MTR-000003",
            ZoneId.of("Europe/Berlin"),
            "MTR-000004",
            ZoneId.of("America/New_York"),
            "MTR-000005",
            ZoneId.of("America/New_York"),
            "MTR-000006",
            ZoneId.of("UTC"));
    for (GenericRecord d : daily) {
      String meter = d.get("meter").toString();
      ZoneId zone = zones.get(meter);
      assertEquals(zone.getId(), d.get("time_zone").toString());
      LocalDate date = LocalDate.ofEpochDay((Integer) d.get("local_date"));
      List<HourlyMeterStats> hours =
          byMeter.get(meter).stream()
              .filter(
                  h ->
                      java.time.Instant.ofEpochMilli(h.windowStart())
                          .atZone(zone)
                          .toLocalDate()
                          .equals(date))
              .sorted(Comparator.comparingLong(HourlyMeterStats::windowStart))
              .collect(Collectors.toList());
      double energy = exactSum(hours.stream().mapToDouble(HourlyMeterStats::energyMwh));
      assertEquals(
          meter + " " + date,
          energy,
          (Double) d.get("energy_mwh"),
          0); // the exact sum, rounded once
      assertEquals(
          hours.stream().filter(HourlyMeterStats::isEstimated).count(),
          (long) (Integer) d.get("hours_estimated"));
      int expectedHours =
          date.equals(LocalDate.of(2024, 3, 31)) && zone.getId().equals("Europe/Berlin")
              ? 23
              : date.equals(LocalDate.of(2024, 3, 10)) && zone.getId().equals("America/New_York")
                  ? 23
                  : 24;
      assertEquals(meter + " " + date, expectedHours, d.get("hours_in_day"));
      double periods = (Double) d.get("tou_peak_mwh") + (Double) d.get("tou_offpeak_mwh");
      assertEquals(energy, periods, 1e-9 * Math.max(1, energy));
      assertEquals(
          meter.equals("MTR-000006")
              ? null
              : (meter.equals("MTR-000001") ? "res, night" : d.get("tariff").toString()),
          d.get("tariff") == null ? null : d.get("tariff").toString());
    }
    // The days of a meter add up to its hours, hence to its consumption.
    for (Map.Entry<String, List<HourlyMeterStats>> m : byMeter.entrySet()) {
      double days =
          daily.stream()
              .filter(d -> d.get("meter").toString().equals(m.getKey()))
              .mapToDouble(d -> (Double) d.get("energy_mwh"))
              .sum();
      assertEquals(consumption.get(m.getKey()), days, 1e-9 * days);
    }

    List<GenericRecord> regionalDaily = records(out.resolve("regional_daily"));
    for (GenericRecord r : regionalDaily) {
      String region = r.get("region") == null ? null : r.get("region").toString();
      int date = (Integer) r.get("local_date");
      List<GenericRecord> members =
          daily.stream()
              .filter(
                  d ->
                      java.util.Objects.equals(
                          region, d.get("region") == null ? null : d.get("region").toString()))
              .filter(d -> (Integer) d.get("local_date") == date)
              .collect(Collectors.toList());
      double energy = exactSum(members.stream().mapToDouble(d -> (Double) d.get("energy_mwh")));
      assertEquals(energy, (Double) r.get("energy_mwh"), 0);
      long reporting = members.stream().filter(d -> (Long) d.get("readings") > 0).count();
      assertEquals(reporting, r.get("meters_reporting"));
      long listed = region == null ? 0 : 3; // the registry lists three meters in each region
      assertEquals(listed, r.get("meters_in_registry"));
      if (region != null) {
        assertEquals(100.0 * reporting / listed, (Double) r.get("completeness_pct"), 1e-9);
      }
    }
    List<GenericRecord> regionalHourly = records(out.resolve("regional_hourly"));
    double regionalTotal =
        regionalHourly.stream().mapToDouble(r -> (Double) r.get("energy_mwh")).sum();
    double hourlyTotal = hourly.stream().mapToDouble(HourlyMeterStats::energyMwh).sum();
    assertEquals(hourlyTotal, regionalTotal, 1e-9 * hourlyTotal);

    // The CSV exports hold the same rows, with headers.
    assertEquals(hourly.size() + 1, Files.readAllLines(out.resolve("csv/hourly.csv")).size());
    List<String> dailyCsv = Files.readAllLines(out.resolve("csv/daily.csv"));
    assertEquals(daily.size() + 1, dailyCsv.size());
    assertThat(dailyCsv.get(0), startsWith("meter,local_date,time_zone,energy_mwh,"));
    assertTrue(dailyCsv.stream().anyMatch(l -> l.contains("\"res, night\"")));
    assertEquals(
        regionalDaily.size() + 1, Files.readAllLines(out.resolve("csv/regional_daily.csv")).size());
  }

  @Test
  public void aBrokenRegistryStopsTheRunBeforeAnyWork() throws Exception {
    Path input = tmp.newFile("a.csv").toPath();
    Files.writeString(input, "A,2024-03-01 10:00,1,1\n");
    Path registry = tmp.getRoot().toPath().resolve("bad.csv");
    Files.write(registry, List.of("meter,region,time_zone", "A,x,Asia/Kathmandu"));
    Path out = tmp.getRoot().toPath().resolve("out");
    assertEquals(
        ExitCode.BAD_OPTIONS,
        run("--input=" + input, "--output=" + out, "--meterRegistry=" + registry));
    assertThat(
        stderr.lines().findFirst().orElse(""),
        containsString(registry + " line 2: time zone Asia/Kathmandu has offset +05:45"));
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  public void withoutARegistryDaysAreUtcDaysAndThereAreNoRegions() throws Exception {
    Path input = tmp.newFile("a.csv").toPath();
    Files.writeString(input, "A,2024-03-01 23:30,1,1\nA,2024-03-02 00:30,3,1\n");
    Path out = tmp.getRoot().toPath().resolve("out");
    assertEquals(stderr, ExitCode.DONE, run("--input=" + input, "--output=" + out));
    List<GenericRecord> daily = records(out.resolve("daily"));
    assertEquals(2, daily.size());
    assertFalse(Files.exists(out.resolve("regional_daily")));
    assertFalse(Files.exists(out.resolve("csv")));
    assertThat(stdout, not(containsString("registry")));
    for (GenericRecord d : daily) {
      assertEquals("UTC", d.get("time_zone").toString());
      assertEquals(24, d.get("hours_in_day"));
    }
    // 1 -> 3 mWh from 23:30 to 00:30: half of it on each UTC day.
    assertEquals(1.0, (Double) daily.get(0).get("energy_mwh"), 1e-12);
    assertEquals(1.0, (Double) daily.get(1).get("energy_mwh"), 1e-12);
  }

  /** The exact sum of doubles, correctly rounded: BigDecimal, independent of {@code ExactSum}. */
  private static double exactSum(java.util.stream.DoubleStream values) {
    return values
        .mapToObj(java.math.BigDecimal::new)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
        .doubleValue();
  }
}
