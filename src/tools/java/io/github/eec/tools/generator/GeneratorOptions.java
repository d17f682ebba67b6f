package io.github.eec.tools.generator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/**
 * The generator's options, checked. {@link GeneratorCommand} declares and converts them; every
 * range and every rule that spans options is checked here, so a bad option fails before any file is
 * written, with one line naming the option.
 */
public final class GeneratorOptions {
  private static final long MIN_START_MILLIS = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
  private static final long MAX_END_MILLIS = Instant.parse("9999-12-31T00:00:00Z").toEpochMilli();
  private static final long MAX_PERIOD_MILLIS = 86_400_000L;
  private static final double MAX_HOURS = 24.0 * 366 * 100;

  final int meters;
  final int firstMeter;
  final long startMillis;
  final long durationMillis;
  final long periodMillis;
  final double jitter;
  final double missingRate;
  final double outageRate;
  final long seed;
  final Path output;
  final String prefix;
  final int shards;
  final int threads;
  final boolean gzip;
  final int gzipLevel;
  final boolean header;
  final TimeFormat timeFormat;
  final EnumMap<FaultKind, Double> faultRates;
  final Path faultsFile;
  final Path groundTruth;

  GeneratorOptions(GeneratorCommand c) {
    meters = inRange(c, "--meters", c.meters, 1, 10_000_000);
    firstMeter = inRange(c, "--firstMeter", c.firstMeter, 0, Integer.MAX_VALUE - meters);
    timeFormat = c.timeFormat;
    startMillis = start(c);
    periodMillis = period(c);
    durationMillis = duration(c, startMillis, periodMillis);
    jitter = inRange(c, "--jitter", c.jitter, 0.0, 0.45);
    missingRate = inRange(c, "--missingRate", c.missingRate, 0.0, 1.0);
    outageRate = inRange(c, "--outageRate", c.outageRate, 0.0, 1_000.0);
    seed = c.seed;
    if (c.output == null || c.output.isEmpty()) {
      throw c.failure("--output is required: the folder to write the readings files to");
    }
    output = Path.of(c.output);
    prefix = c.prefix;
    if (!prefix.matches("[A-Za-z0-9._-]+")) {
      throw c.bad("--prefix", "use letters, digits, '.', '_' or '-'");
    }
    shards = inRange(c, "--shards", c.shards, 1, 100_000);
    if (shards > meters) {
      throw c.bad("--shards", "more shards than --meters=" + meters + " would leave files empty");
    }
    threads =
        c.threads == null
            ? Math.max(1, Math.min(shards, Runtime.getRuntime().availableProcessors()))
            : inRange(c, "--threads", c.threads, 1, 1_024);
    gzip = c.gzip;
    gzipLevel = inRange(c, "--gzipLevel", c.gzipLevel, 1, 9);
    header = c.header;
    faultRates = faultRates(c);
    faultsFile =
        c.faultsFile != null ? c.faultsFile : output.resolve("_" + prefix + ".faults.json");
    groundTruth =
        c.groundTruth == null || c.groundTruth.toString().isEmpty() ? null : c.groundTruth;
  }

  /**
   * Parses and checks command-line arguments; throws a {@link ParameterException} naming the first
   * bad one.
   */
  public static GeneratorOptions parse(String... args) {
    return new GeneratorOptions(GeneratorCommand.parse(args));
  }

  public Path output() {
    return output;
  }

  public Path faultsFile() {
    return faultsFile;
  }

  public Path groundTruth() {
    return groundTruth;
  }

  public int shards() {
    return shards;
  }

  public String prefix() {
    return prefix;
  }

  public boolean gzip() {
    return gzip;
  }

  /** Number of nominal reading slots per meter. */
  long slotsPerMeter() {
    return durationMillis / periodMillis;
  }

  /**
   * The meter numbers in shard {@code shard}: a contiguous range, so each file holds a range of
   * ids.
   */
  int firstMeterOfShard(int shard) {
    return firstMeter + (int) ((long) shard * meters / shards);
  }

  /** File name of a shard, e.g. {@code readings-00000-of-00004.csv.gz}. */
  public String shardFileName(int shard) {
    return String.format(
        Locale.ROOT, "%s-%05d-of-%05d.csv%s", prefix, shard, shards, gzip ? ".gz" : "");
  }

  /** Meter id of a meter number, e.g. {@code MTR-000123}. */
  public static String meterId(int meterNumber) {
    return String.format(Locale.ROOT, "MTR-%06d", meterNumber);
  }

  private static int inRange(GeneratorCommand c, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw c.bad(option, "must be between " + min + " and " + max);
    }
    return value;
  }

  private static double inRange(
      GeneratorCommand c, String option, double value, double min, double max) {
    // Written so that NaN fails too.
    if (!(value >= min && value <= max)) {
      throw c.bad(option, "must be between " + min + " and " + max);
    }
    return value;
  }

  private static String resolution(TimeFormat format) {
    return format == TimeFormat.MINUTE ? "minute" : "second";
  }

  private static long start(GeneratorCommand c) {
    if (c.startMillis < MIN_START_MILLIS) {
      throw c.bad("--start", "must be in 1900 or later");
    }
    if (Math.floorMod(c.startMillis, c.timeFormat.resolutionMillis()) != 0) {
      throw c.bad(
          "--start",
          "must be a whole "
              + resolution(c.timeFormat)
              + " for --timeFormat="
              + c.timeFormat.optionValue());
    }
    return c.startMillis;
  }

  private static long period(GeneratorCommand c) {
    if (c.periodMillis > MAX_PERIOD_MILLIS) {
      throw c.bad("--period", "at most 1d");
    }
    if (c.periodMillis % c.timeFormat.resolutionMillis() != 0) {
      throw c.bad(
          "--period",
          "must be a multiple of 1 "
              + resolution(c.timeFormat)
              + ", the resolution of --timeFormat="
              + c.timeFormat.optionValue());
    }
    return c.periodMillis;
  }

  private static long duration(GeneratorCommand c, long start, long period) {
    String option;
    long d;
    if (c.hours != null) {
      if (c.isGiven("--duration")) {
        throw c.failure("--hours and --duration are alternatives: give only one");
      }
      option = "--hours";
      d = Math.round(inRange(c, option, c.hours, 0.0, MAX_HOURS) * 3_600_000.0);
    } else {
      option = "--duration";
      d = c.durationMillis;
    }
    if (d < period) {
      throw c.bad(option, "shorter than --period, so no readings");
    }
    if (d / period > Integer.MAX_VALUE) {
      throw c.bad(option, "more than " + Integer.MAX_VALUE + " readings per meter");
    }
    if (start + d + period > MAX_END_MILLIS) {
      throw c.bad(option, "runs past the year 9999");
    }
    return d;
  }

  /**
   * --faultRate for every kind, then the --faultRates overrides; together at most 1 per reading.
   */
  private static EnumMap<FaultKind, Double> faultRates(GeneratorCommand c) {
    EnumMap<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
    double all = inRange(c, "--faultRate", c.faultRate, 0.0, 1.0);
    for (FaultKind k : FaultKind.values()) {
      rates.put(k, all);
    }
    if (c.faultRates != null) {
      rates.putAll(c.faultRates.byKind());
    }
    double sum = 0;
    for (double r : rates.values()) {
      sum += r;
    }
    if (sum > 1.0) {
      throw c.failure(
          "--faultRate/--faultRates: the rates of all kinds add up to "
              + sum
              + ", more than 1 (each is per reading and per kind)");
    }
    return rates;
  }
}
