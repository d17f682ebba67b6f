package io.github.eec.tools.generator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator's options, parsed from {@code --name=value} arguments. Parsing validates everything
 * up front, so a bad option fails before any file is written, with one line naming the option.
 */
public final class GeneratorOptions {

  /** A bad command line; the message is one line that names the option. */
  public static final class BadOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadOptionException(String message) {
      super(message);
    }
  }

  /** Every option with its default (as text, "" for none) and description, in --help order. */
  private static final String[][] SPEC = {
    {"meters", "10", "number of meters"},
    {"firstMeter", "1", "number of the first meter: ids are MTR-<number, 6+ digits>"},
    {"start", "2024-01-01", "first nominal reading time: yyyy-MM-dd (midnight UTC) or an ISO instant"},
    {"duration", "1d", "time span of the data: <n>ms|s|min|h|d (36h, 3d, 90min) or ISO (PT36H)"},
    {"hours", "", "the duration in hours, instead of --duration"},
    {"period", "15s", "nominal time between a meter's readings (1s, 15s, 15min); at most 1d"},
    {"jitter", "0.2", "max timestamp jitter as a fraction of the period, 0 to 0.45 (rounded down to the time format's resolution)"},
    {"missingRate", "0.001", "probability that a reading is not transmitted"},
    {"outageRate", "0.1", "outages (5 min to 6 h without readings) per meter per day"},
    {"seed", "42", "random seed (any long); same options give byte-identical files"},
    {"output", "", "folder to write the readings files to (required)"},
    {"prefix", "readings", "file name prefix: <prefix>-SSSSS-of-NNNNN.csv[.gz]"},
    {"shards", "1", "number of files; meters are split across them in contiguous ranges"},
    {"threads", "min(shards, cores)", "threads writing shards (and computing ground truth)"},
    {"gzip", "false", "gzip the files (.csv.gz); --gzip alone means true"},
    {"gzipLevel", "6", "gzip compression level, 1 (fast) to 9 (small)"},
    {"header", "true", "write the header line meter,time,energy,power first in every file"},
    {"timeFormat", "space", "space = yyyy-MM-dd HH:mm:ss, minute = yyyy-MM-dd HH:mm, iso = yyyy-MM-ddTHH:mm:ssZ"},
    {"faultRate", "0", "probability, per transmitted reading and per fault kind, of injecting that fault"},
    {"faultRates", "", "per-kind overrides, KIND:rate,... (kinds: " + kindList() + ")"},
    {"faultsFile", "<output>/_<prefix>.faults.json", "where to write the counts of injected faults and lines"},
    {"groundTruth", "", "write the expected hourly metrics to this CSV file (.csv or .csv.gz)"},
    {"help", "", "print this help and exit"},
  };

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|sec|m|min|h|d)");
  private static final long MAX_PERIOD_MILLIS = 86_400_000L;

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
  final boolean help;

  private GeneratorOptions(Map<String, String> v) {
    help = v.containsKey("help");
    meters = intOption(v, "meters", 1, 10_000_000);
    firstMeter = intOption(v, "firstMeter", 0, Integer.MAX_VALUE - meters);
    timeFormat = timeFormatOption(v);
    startMillis = startOption(v, timeFormat);
    periodMillis = periodOption(v, timeFormat);
    durationMillis = durationOption(v, startMillis, periodMillis);
    jitter = doubleOption(v, "jitter", 0.0, 0.45);
    missingRate = doubleOption(v, "missingRate", 0.0, 1.0);
    outageRate = doubleOption(v, "outageRate", 0.0, 1_000.0);
    seed = longOption(v, "seed");
    String out = v.get("output");
    if (!help && (out == null || out.isEmpty())) {
      throw new BadOptionException("--output is required: the folder to write the readings files to");
    }
    output = out == null ? null : Path.of(out);
    prefix = v.get("prefix");
    if (prefix.isEmpty() || !prefix.matches("[A-Za-z0-9._-]+")) {
      throw bad("prefix", prefix, "use letters, digits, '.', '_' or '-'");
    }
    shards = intOption(v, "shards", 1, 100_000);
    if (shards > meters) {
      throw bad("shards", v.get("shards"), "more shards than --meters=" + meters + " would leave files empty");
    }
    threads = v.get("threads").startsWith("min(")
        ? Math.max(1, Math.min(shards, Runtime.getRuntime().availableProcessors()))
        : intOption(v, "threads", 1, 1_024);
    gzip = booleanOption(v, "gzip");
    gzipLevel = intOption(v, "gzipLevel", 1, 9);
    header = booleanOption(v, "header");
    faultRates = faultRatesOption(v);
    faultsFile = v.get("faultsFile").startsWith("<output>")
        ? (output == null ? null : output.resolve("_" + prefix + ".faults.json"))
        : Path.of(v.get("faultsFile"));
    groundTruth = v.get("groundTruth").isEmpty() ? null : Path.of(v.get("groundTruth"));
  }

  /** Parses command-line arguments; throws {@link BadOptionException} for the first bad one. */
  public static GeneratorOptions parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] spec : SPEC) {
      values.put(spec[0], spec[1]);
    }
    values.remove("hours");
    values.remove("help");
    Map<String, String> given = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new BadOptionException("unexpected argument '" + arg + "': options look like --name=value (see --help)");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      if (!isKnown(name)) {
        throw new BadOptionException("unknown option --" + name + " (see --help)");
      }
      if (given.containsKey(name)) {
        throw new BadOptionException("--" + name + " is given twice");
      }
      if (value == null) {
        if (!name.equals("gzip") && !name.equals("header") && !name.equals("help")) {
          throw new BadOptionException("--" + name + " needs a value: --" + name + "=...");
        }
        value = "true";
      }
      given.put(name, value);
    }
    if (given.containsKey("help")) {
      return new GeneratorOptions(helpOnly());
    }
    if (given.containsKey("hours") && given.containsKey("duration")) {
      throw new BadOptionException("--hours and --duration are alternatives: give only one");
    }
    values.putAll(given);
    return new GeneratorOptions(values);
  }

  /** The --help text: every option with its default. */
  public static String helpText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Generates deterministic electricity-meter readings (meter,time,energy,power) as CSV.\n");
    sb.append("Usage: ReadingsGenerator --output=DIR [--name=value ...]\n\n");
    for (String[] spec : SPEC) {
      String left = "  --" + spec[0];
      sb.append(left);
      sb.append(" ".repeat(Math.max(1, 18 - left.length())));
      sb.append(spec[2]);
      if (!spec[1].isEmpty()) {
        sb.append(" [default: ").append(spec[1]).append(']');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public boolean isHelp() {
    return help;
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

  /** The meter numbers in shard {@code shard}: a contiguous range, so each file holds a range of ids. */
  int firstMeterOfShard(int shard) {
    return firstMeter + (int) ((long) shard * meters / shards);
  }

  /** File name of a shard, e.g. {@code readings-00000-of-00004.csv.gz}. */
  public String shardFileName(int shard) {
    return String.format(Locale.ROOT, "%s-%05d-of-%05d.csv%s", prefix, shard, shards, gzip ? ".gz" : "");
  }

  /** Meter id of a meter number, e.g. {@code MTR-000123}. */
  public static String meterId(int meterNumber) {
    return String.format(Locale.ROOT, "MTR-%06d", meterNumber);
  }

  private static boolean isKnown(String name) {
    for (String[] spec : SPEC) {
      if (spec[0].equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> helpOnly() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] spec : SPEC) {
      values.put(spec[0], spec[1]);
    }
    values.remove("hours");
    values.put("help", "true");
    return values;
  }

  private static String kindList() {
    StringBuilder sb = new StringBuilder();
    for (FaultKind k : FaultKind.values()) {
      sb.append(sb.length() == 0 ? "" : " ").append(k.name());
    }
    return sb.toString();
  }

  private static BadOptionException bad(String name, String value, String why) {
    return new BadOptionException("--" + name + "=" + value + ": " + why);
  }

  private static int intOption(Map<String, String> v, String name, int min, int max) {
    String text = v.get(name);
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        throw bad(name, text, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(name, text, "not an integer");
    }
  }

  private static long longOption(Map<String, String> v, String name) {
    String text = v.get(name);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw bad(name, text, "not an integer");
    }
  }

  private static double doubleOption(Map<String, String> v, String name, double min, double max) {
    String text = v.get(name);
    return parseRate(name, text, text, min, max);
  }

  private static double parseRate(String name, String shown, String text, double min, double max) {
    double d;
    try {
      d = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(name, shown, "not a number");
    }
    if (!(d >= min && d <= max)) {
      throw bad(name, shown, "must be between " + min + " and " + max);
    }
    return d;
  }

  private static boolean booleanOption(Map<String, String> v, String name) {
    String text = v.get(name);
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw bad(name, text, "expected true or false");
  }

  private static TimeFormat timeFormatOption(Map<String, String> v) {
    TimeFormat f = TimeFormat.fromOptionValue(v.get("timeFormat"));
    if (f == null) {
      throw bad("timeFormat", v.get("timeFormat"), "expected space, minute or iso");
    }
    return f;
  }

  private static long startOption(Map<String, String> v, TimeFormat format) {
    String text = v.get("start");
    long millis;
    try {
      if (text.length() == 10) {
        millis = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } else {
        millis = OffsetDateTime.parse(text).toInstant().toEpochMilli();
      }
    } catch (DateTimeParseException e) {
      throw bad("start", text, "expected yyyy-MM-dd or an ISO instant like 2024-02-28T06:00:00Z");
    }
    if (millis < Instant.parse("1900-01-01T00:00:00Z").toEpochMilli()) {
      throw bad("start", text, "must be in 1900 or later");
    }
    if (Math.floorMod(millis, format.resolutionMillis()) != 0) {
      throw bad("start", text, "must be a whole " + (format == TimeFormat.MINUTE ? "minute" : "second")
          + " for --timeFormat=" + format.optionValue());
    }
    return millis;
  }

  private static long periodOption(Map<String, String> v, TimeFormat format) {
    String text = v.get("period");
    long p = parseDurationMillis("period", text);
    if (p > MAX_PERIOD_MILLIS) {
      throw bad("period", text, "at most 1d");
    }
    if (p % format.resolutionMillis() != 0) {
      throw bad("period", text, "must be a multiple of 1 " + (format == TimeFormat.MINUTE ? "minute" : "second")
          + ", the resolution of --timeFormat=" + format.optionValue());
    }
    return p;
  }

  private static long durationOption(Map<String, String> v, long start, long period) {
    long d;
    String name;
    String text;
    if (v.containsKey("hours")) {
      name = "hours";
      text = v.get("hours");
      double h = parseRate("hours", text, text, 0.0, 24.0 * 366 * 100);
      d = Math.round(h * 3_600_000.0);
    } else {
      name = "duration";
      text = v.get("duration");
      d = parseDurationMillis("duration", text);
    }
    if (d < period) {
      throw bad(name, text, "shorter than --period, so no readings");
    }
    if (d / period > Integer.MAX_VALUE) {
      throw bad(name, text, "more than " + Integer.MAX_VALUE + " readings per meter");
    }
    if (start + d + period > Instant.parse("9999-12-31T00:00:00Z").toEpochMilli()) {
      throw bad(name, text, "runs past the year 9999");
    }
    return d;
  }

  /** Parses {@code 15s}, {@code 90min}, {@code 36h}, {@code 3d}, {@code 250ms} or ISO {@code PT15M}. */
  static long parseDurationMillis(String name, String text) {
    long millis;
    if (text.startsWith("P") || text.startsWith("p")) {
      try {
        millis = Duration.parse(text).toMillis();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw bad(name, text, "not an ISO-8601 duration");
      }
    } else {
      Matcher m = DURATION.matcher(text);
      if (!m.matches()) {
        throw bad(name, text, "expected a duration such as 1s, 15s, 15min, 36h, 3d");
      }
      double unit;
      switch (m.group(2)) {
        case "ms": unit = 1; break;
        case "s": case "sec": unit = 1_000; break;
        case "m": case "min": unit = 60_000; break;
        case "h": unit = 3_600_000; break;
        default: unit = 86_400_000; break;
      }
      double d = Double.parseDouble(m.group(1)) * unit;
      if (d > 1e15 || d != Math.rint(d)) {
        throw bad(name, text, "must be a whole number of milliseconds, at most 1e15");
      }
      millis = (long) d;
    }
    if (millis <= 0) {
      throw bad(name, text, "must be positive");
    }
    return millis;
  }

  private static EnumMap<FaultKind, Double> faultRatesOption(Map<String, String> v) {
    EnumMap<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
    double all = doubleOption(v, "faultRate", 0.0, 1.0);
    for (FaultKind k : FaultKind.values()) {
      rates.put(k, all);
    }
    String list = v.get("faultRates");
    if (!list.isEmpty()) {
      for (String item : list.split(",", -1)) {
        int colon = item.indexOf(':');
        if (colon < 0) {
          throw bad("faultRates", list, "expected KIND:rate items, got '" + item + "'");
        }
        FaultKind kind;
        try {
          kind = FaultKind.valueOf(item.substring(0, colon).trim());
        } catch (IllegalArgumentException e) {
          throw bad("faultRates", list, "unknown fault kind '" + item.substring(0, colon) + "'; kinds: " + kindList());
        }
        rates.put(kind, parseRate("faultRates", list, item.substring(colon + 1).trim(), 0.0, 1.0));
      }
    }
    double sum = 0;
    for (double r : rates.values()) {
      sum += r;
    }
    if (sum > 1.0) {
      throw new BadOptionException("--faultRate/--faultRates: the rates of all kinds add up to " + sum
          + ", more than 1 (each is per reading and per kind)");
    }
    return rates;
  }
}
