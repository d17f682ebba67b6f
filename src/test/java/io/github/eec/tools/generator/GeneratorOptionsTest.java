package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** Options: defaults, durations, and one clear line naming the option for every bad one. */
public class GeneratorOptionsTest {

  private static void failsNaming(String option, String... args) {
    try {
      GeneratorOptions.parse(args);
      fail("expected a bad option: " + String.join(" ", args));
    } catch (GeneratorOptions.BadOptionException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("--" + option));
      assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
    }
  }

  @Test
  public void defaults() {
    GeneratorOptions o = GeneratorOptions.parse("--output=x");
    assertEquals(10, o.meters);
    assertEquals(15_000, o.periodMillis);
    assertEquals(86_400_000, o.durationMillis);
    assertEquals(TimeFormat.SPACE, o.timeFormat);
    assertTrue(o.header);
    assertEquals("readings-00000-of-00001.csv", o.shardFileName(0));
    assertEquals("_readings.faults.json", o.faultsFile.getFileName().toString());
  }

  @Test
  public void durationsAndStart() {
    assertEquals(36 * 3_600_000L, GeneratorOptions.parse("--output=x", "--duration=36h").durationMillis);
    assertEquals(3 * 86_400_000L, GeneratorOptions.parse("--output=x", "--duration=3d").durationMillis);
    assertEquals(90 * 60_000L, GeneratorOptions.parse("--output=x", "--duration=90min").durationMillis);
    assertEquals(36 * 3_600_000L, GeneratorOptions.parse("--output=x", "--duration=PT36H").durationMillis);
    assertEquals(5 * 3_600_000L, GeneratorOptions.parse("--output=x", "--hours=5").durationMillis);
    assertEquals(1_000L, GeneratorOptions.parse("--output=x", "--period=1s").periodMillis);
    assertEquals(900_000L, GeneratorOptions.parse("--output=x", "--period=15min").periodMillis);
    assertEquals(1_709_100_000_000L, GeneratorOptions.parse("--output=x", "--start=2024-02-28T06:00:00Z").startMillis);
    assertEquals(1_709_078_400_000L, GeneratorOptions.parse("--output=x", "--start=2024-02-28").startMillis);
    GeneratorOptions o = GeneratorOptions.parse("--output=x", "--gzip", "--shards=4", "--meters=8");
    assertEquals("readings-00003-of-00004.csv.gz", o.shardFileName(3));
    assertEquals(7, o.firstMeterOfShard(3));
  }

  @Test
  public void faultRates() {
    GeneratorOptions o = GeneratorOptions.parse("--output=x", "--faultRate=0.01", "--faultRates=BAD_TIME:0.2,HEADER:0");
    assertEquals(0.01, o.faultRates.get(FaultKind.EMPTY_LINE), 0);
    assertEquals(0.2, o.faultRates.get(FaultKind.BAD_TIME), 0);
    assertEquals(0.0, o.faultRates.get(FaultKind.HEADER), 0);
  }

  @Test
  public void badOptionsFailFastNamingTheOption() {
    failsNaming("output");
    failsNaming("meters", "--output=x", "--meters=0");
    failsNaming("meters", "--output=x", "--meters=ten");
    failsNaming("start", "--output=x", "--start=2024-02-30");
    failsNaming("start", "--output=x", "--start=2024-02-28T00:00:30Z", "--timeFormat=minute");
    failsNaming("duration", "--output=x", "--duration=3 days");
    failsNaming("duration", "--output=x", "--duration=1s", "--period=15s");
    failsNaming("hours", "--output=x", "--hours=-1");
    failsNaming("hours", "--output=x", "--hours=1", "--duration=1h");
    failsNaming("period", "--output=x", "--period=0s");
    failsNaming("period", "--output=x", "--period=90s", "--timeFormat=minute");
    failsNaming("period", "--output=x", "--period=1500ms");
    failsNaming("period", "--output=x", "--period=2d");
    failsNaming("jitter", "--output=x", "--jitter=0.5");
    failsNaming("seed", "--output=x", "--seed=x");
    failsNaming("shards", "--output=x", "--shards=11");
    failsNaming("gzip", "--output=x", "--gzip=yes");
    failsNaming("gzipLevel", "--output=x", "--gzipLevel=0");
    failsNaming("header", "--output=x", "--header=maybe");
    failsNaming("timeFormat", "--output=x", "--timeFormat=epoch");
    failsNaming("faultRate", "--output=x", "--faultRate=2");
    failsNaming("faultRate", "--output=x", "--faultRate=0.1");
    failsNaming("faultRates", "--output=x", "--faultRates=TYPO:0.1");
    failsNaming("faultRates", "--output=x", "--faultRates=BAD_TIME");
    failsNaming("prefix", "--output=x", "--prefix=a/b");
    failsNaming("bogus", "--output=x", "--bogus=1");
    failsNaming("meters", "--output=x", "--meters=1", "--meters=2");
    failsNaming("meters", "--output=x", "--meters");
  }

  @Test
  public void helpListsEveryOptionWithDefaults() {
    assertTrue(GeneratorOptions.parse("--help").isHelp());
    String help = GeneratorOptions.helpText();
    for (String name : new String[] {"meters", "firstMeter", "start", "duration", "hours", "period", "jitter",
        "missingRate", "outageRate", "seed", "output", "prefix", "shards", "threads", "gzip", "gzipLevel", "header",
        "timeFormat", "faultRate", "faultRates", "faultsFile", "groundTruth", "help"}) {
      assertTrue(name, help.contains("--" + name + " "));
    }
    assertTrue(help.contains("[default: 15s]"));
  }
}
