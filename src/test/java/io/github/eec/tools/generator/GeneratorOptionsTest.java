package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.Test;
import picocli.CommandLine.ParameterException;

/** Options: defaults, value forms, and one clear line naming the option for every bad one. */
public class GeneratorOptionsTest {

  private static GeneratorOptions parse(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--output=x";
    System.arraycopy(args, 0, all, 1, args.length);
    return GeneratorOptions.parse(all);
  }

  /**
   * The message of the failure, after checking it is one line naming {@code option} (not a longer
   * name).
   */
  private static String failsNaming(String option, String... args) {
    try {
      GeneratorOptions.parse(args);
    } catch (ParameterException e) {
      String message = e.getMessage();
      assertTrue(
          message,
          Pattern.compile(Pattern.quote("--" + option) + "(?![A-Za-z])").matcher(message).find());
      assertFalse(message, message.contains("\n"));
      return message;
    }
    fail("expected a bad option: " + String.join(" ", args));
    return null;
  }

  @Test
  public void defaults() {
    GeneratorOptions o = parse();
    assertEquals(10, o.meters);
    assertEquals(1, o.firstMeter);
    assertEquals(1_704_067_200_000L, o.startMillis);
    assertEquals(15_000, o.periodMillis);
    assertEquals(86_400_000, o.durationMillis);
    assertEquals(0.2, o.jitter, 0);
    assertEquals(0.001, o.missingRate, 0);
    assertEquals(0.1, o.outageRate, 0);
    assertEquals(42, o.seed);
    assertEquals(Path.of("x"), o.output);
    assertEquals(1, o.shards);
    assertEquals(1, o.threads);
    assertFalse(o.gzip);
    assertEquals(6, o.gzipLevel);
    assertTrue(o.header);
    assertEquals(TimeFormat.SPACE, o.timeFormat);
    for (FaultKind k : FaultKind.values()) {
      assertEquals(k.name(), 0.0, o.faultRates.get(k), 0);
    }
    assertEquals("readings-00000-of-00001.csv", o.shardFileName(0));
    assertEquals(Path.of("x", "_readings.faults.json"), o.faultsFile);
    assertNull(o.groundTruth);
  }

  @Test
  public void threadsDefaultToTheShardsOrTheCoresWhicheverIsFewer() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(Math.min(4, cores), parse("--meters=8", "--shards=4").threads);
    assertEquals(Math.min(64, cores), parse("--meters=64", "--shards=64").threads);
    assertEquals(3, parse("--threads=3").threads);
  }

  @Test
  public void durationsPeriodsAndStart() {
    assertEquals(36 * 3_600_000L, parse("--duration=36h").durationMillis);
    assertEquals(3 * 86_400_000L, parse("--duration=3d").durationMillis);
    assertEquals(90 * 60_000L, parse("--duration=90min").durationMillis);
    assertEquals(90 * 60_000L, parse("--duration=90m").durationMillis);
    assertEquals(5_400_000L, parse("--duration=1.5h").durationMillis);
    assertEquals(36 * 3_600_000L, parse("--duration=PT36H").durationMillis);
    assertEquals(5 * 3_600_000L, parse("--hours=5").durationMillis);
    assertEquals(5_400_000L, parse("--hours=1.5").durationMillis);
    assertEquals(1_000L, parse("--period=1s").periodMillis);
    assertEquals(2_000L, parse("--period=2sec").periodMillis);
    assertEquals(3_000L, parse("--period=3000ms").periodMillis);
    assertEquals(900_000L, parse("--period=15min").periodMillis);
    assertEquals(900_000L, parse("--period=PT15M", "--timeFormat=minute").periodMillis);
    assertEquals(1_709_100_000_000L, parse("--start=2024-02-28T06:00:00Z").startMillis);
    assertEquals(1_709_100_000_000L, parse("--start=2024-02-28T07:00:00+01:00").startMillis);
    assertEquals(1_709_078_400_000L, parse("--start=2024-02-28").startMillis);
    GeneratorOptions o =
        parse("--gzip", "--shards=4", "--meters=8", "--firstMeter=100", "--prefix=a.b_c-1");
    assertEquals("a.b_c-1-00003-of-00004.csv.gz", o.shardFileName(3));
    assertEquals(106, o.firstMeterOfShard(3));
    assertEquals(108, o.firstMeterOfShard(4));
    assertEquals(Path.of("x", "_a.b_c-1.faults.json"), o.faultsFile);
  }

  @Test
  public void gzipAndHeaderAloneMeanTrue() {
    assertTrue(parse("--gzip").gzip);
    assertTrue(parse("--gzip=true").gzip);
    assertTrue(parse("--gzip=TRUE").gzip);
    assertFalse(parse("--gzip=false").gzip);
    assertTrue(parse("--header").header);
    assertFalse(parse("--header=false").header);
    assertFalse(parse("--header=False").header);
  }

  @Test
  public void otherValues() {
    GeneratorOptions o =
        parse(
            "--timeFormat=iso",
            "--seed=-7",
            "--jitter=0",
            "--missingRate=1",
            "--outageRate=1000",
            "--gzipLevel=9",
            "--faultsFile=f.json",
            "--groundTruth=gt.csv.gz",
            "--meters=+3");
    assertEquals(TimeFormat.ISO, o.timeFormat);
    assertEquals(-7, o.seed);
    assertEquals(0.0, o.jitter, 0);
    assertEquals(1.0, o.missingRate, 0);
    assertEquals(1000.0, o.outageRate, 0);
    assertEquals(9, o.gzipLevel);
    assertEquals(Path.of("f.json"), o.faultsFile);
    assertEquals(Path.of("gt.csv.gz"), o.groundTruth);
    assertEquals(3, o.meters);
    assertEquals(TimeFormat.MINUTE, parse("--timeFormat=minute", "--period=1min").timeFormat);
    assertNull(parse("--groundTruth=").groundTruth);
  }

  @Test
  public void faultRates() {
    GeneratorOptions o = parse("--faultRate=0.01", "--faultRates=BAD_TIME:0.2, HEADER : 0");
    assertEquals(0.01, o.faultRates.get(FaultKind.EMPTY_LINE), 0);
    assertEquals(0.2, o.faultRates.get(FaultKind.BAD_TIME), 0);
    assertEquals(0.0, o.faultRates.get(FaultKind.HEADER), 0);
    assertEquals(FaultKind.values().length, o.faultRates.size());
    assertEquals(
        1.0,
        parse("--faultRates=DUPLICATE:0.5,REGISTER_RESET:0.5").faultRates.values().stream()
            .mapToDouble(Double::doubleValue)
            .sum(),
        0);
  }

  @Test
  public void theDocumentedMessages() {
    assertEquals(
        "--period=90s: must be a multiple of 1 minute, the resolution of --timeFormat=minute",
        failsNaming("period", "--output=x", "--period=90s", "--timeFormat=minute"));
    assertEquals(
        "--period=1500ms: must be a multiple of 1 second, the resolution of --timeFormat=space",
        failsNaming("period", "--output=x", "--period=1500ms"));
    assertEquals(
        "--start=2024-02-28T00:00:30Z: must be a whole minute for --timeFormat=minute",
        failsNaming("start", "--output=x", "--start=2024-02-28T00:00:30Z", "--timeFormat=minute"));
    assertEquals(
        "--hours and --duration are alternatives: give only one",
        failsNaming("hours", "--output=x", "--hours=1", "--duration=1h"));
    assertEquals(
        "--shards=11: more shards than --meters=10 would leave files empty",
        failsNaming("shards", "--output=x", "--shards=11"));
    assertEquals(
        "--meters=0: must be between 1 and 10000000",
        failsNaming("meters", "--output=x", "--meters=0"));
    assertEquals(
        "--jitter=0.5: must be between 0.0 and 0.45",
        failsNaming("jitter", "--output=x", "--jitter=0.5"));
    assertEquals(
        "--meters needs a value: --meters=...", failsNaming("meters", "--output=x", "--meters"));
    assertEquals(
        "--meters needs a value: --meters=...",
        failsNaming("meters", "--output=x", "--meters", "5"));
    assertEquals(
        "unexpected argument '5': options look like --name=value (see --help)",
        failsNaming("name", "--output=x", "5"));
    assertTrue(
        failsNaming("faultRate", "--output=x", "--faultRate=0.1")
            .startsWith("--faultRate/--faultRates: the rates of all kinds add up to 1.2"));
  }

  @Test
  public void badOptionsFailNamingTheOption() {
    failsNaming("output");
    failsNaming("output", "--output=");
    failsNaming("output", "--output", "dir");
    failsNaming("output", "--output", "--meters=3");
    failsNaming("meters", "--output=x", "--meters=ten");
    failsNaming("meters", "--output=x", "--meters=10000001");
    failsNaming("meters", "--output=x", "--meters=1", "--meters=2");
    failsNaming("meters", "--meters", "--output=x");
    failsNaming("firstMeter", "--output=x", "--firstMeter=-1");
    failsNaming("firstMeter", "--output=x", "--firstMeter=2147483640");
    failsNaming("start", "--output=x", "--start=2024-02-30");
    failsNaming("start", "--output=x", "--start=yesterday");
    failsNaming("start", "--output=x", "--start=1899-12-31");
    failsNaming("start", "--output=x", "--start=2024-02-28T00:00:00.5Z");
    failsNaming("duration", "--output=x", "--duration=3 days");
    failsNaming("duration", "--output=x", "--duration=1s", "--period=15s");
    failsNaming("duration", "--output=x", "--duration=PT-1H");
    failsNaming("duration", "--output=x", "--duration=99999999999d");
    failsNaming("duration", "--output=x", "--duration=3000000d", "--period=1d");
    failsNaming("duration", "--output=x", "--duration=1000000h", "--period=1s");
    failsNaming("hours", "--output=x", "--hours=-1");
    failsNaming("hours", "--output=x", "--hours=0");
    failsNaming("hours", "--output=x", "--hours=NaN");
    failsNaming("hours", "--output=x", "--hours=five");
    failsNaming("period", "--output=x", "--period=0s");
    failsNaming("period", "--output=x", "--period=2d");
    failsNaming("period", "--output=x", "--period=1.0001ms");
    failsNaming("period", "--output=x", "--period=PTx");
    failsNaming("jitter", "--output=x", "--jitter=-0.1");
    failsNaming("jitter", "--output=x", "--jitter=NaN");
    failsNaming("missingRate", "--output=x", "--missingRate=1.5");
    failsNaming("outageRate", "--output=x", "--outageRate=1001");
    failsNaming("seed", "--output=x", "--seed=x");
    failsNaming("seed", "--output=x", "--seed=0x10");
    failsNaming("prefix", "--output=x", "--prefix=a/b");
    failsNaming("prefix", "--output=x", "--prefix=");
    failsNaming("shards", "--output=x", "--shards=0");
    failsNaming("threads", "--output=x", "--threads=0");
    failsNaming("threads", "--output=x", "--threads=1025");
    failsNaming("gzip", "--output=x", "--gzip=yes");
    failsNaming("name", "--output=x", "--gzip", "true");
    failsNaming("gzip", "--output=x", "--gzip", "--gzip=false");
    failsNaming("gzipLevel", "--output=x", "--gzipLevel=0");
    failsNaming("gzipLevel", "--output=x", "--gzipLevel=10");
    failsNaming("header", "--output=x", "--header=maybe");
    failsNaming("timeFormat", "--output=x", "--timeFormat=epoch");
    failsNaming("timeFormat", "--output=x", "--timeFormat=MINUTE");
    failsNaming("faultRate", "--output=x", "--faultRate=2");
    failsNaming("faultRate", "--output=x", "--faultRate=0.1");
    failsNaming("faultRates", "--output=x", "--faultRates=TYPO:0.1");
    failsNaming("faultRates", "--output=x", "--faultRates=BAD_TIME");
    failsNaming("faultRates", "--output=x", "--faultRates=BAD_TIME:x");
    failsNaming("faultRates", "--output=x", "--faultRates=BAD_TIME:2");
    failsNaming("faultRates", "--output=x", "--faultRates=BAD_TIME:0.6,HEADER:0.5");
    failsNaming("bogus", "--output=x", "--bogus=1");
    failsNaming("name", "--output=x", "stray");
    failsNaming("name", "--output=x", "--");
    failsNaming("name", "--output=x", "@args.txt");
  }
}
