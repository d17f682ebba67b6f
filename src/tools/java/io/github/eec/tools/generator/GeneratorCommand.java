package io.github.eec.tools.generator;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The generator's command line, declared for picocli: every option, its default and its help.
 * Picocli converts each value on its own; {@link GeneratorOptions} checks the ranges and the rules
 * that span options.
 */
@Command(
    name = "ReadingsGenerator",
    customSynopsis = "ReadingsGenerator --output=DIR [--name=value ...]",
    description =
        "Generates deterministic electricity-meter readings (meter,time,energy,power) as CSV.",
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    sortOptions = false,
    showDefaultValues = true,
    usageHelpWidth = 110)
final class GeneratorCommand {
  /** Picocli can't show a default that depends on other options; this line looks like its own. */
  private static final String DERIVED_DEFAULT = "  Default: ";

  @Spec CommandSpec spec;

  @Option(
      names = "--meters",
      paramLabel = "N",
      defaultValue = "10",
      description = "number of meters")
  int meters;

  @Option(
      names = "--firstMeter",
      paramLabel = "N",
      defaultValue = "1",
      description = "number of the first meter: ids are MTR-<number, 6+ digits>")
  int firstMeter;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      defaultValue = "2024-01-01",
      converter = StartConverter.class,
      description = "first nominal reading time: yyyy-MM-dd (midnight UTC) or an ISO instant")
  long startMillis;

  @Option(
      names = "--duration",
      paramLabel = "SPAN",
      defaultValue = "1d",
      converter = DurationConverter.class,
      description = "time span of the data: <n>ms|s|min|h|d (36h, 3d, 90min) or ISO (PT36H)")
  long durationMillis;

  @Option(
      names = "--hours",
      paramLabel = "H",
      description = "the duration in hours, instead of --duration")
  Double hours;

  @Option(
      names = "--period",
      paramLabel = "SPAN",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description =
          "nominal time between a meter's readings (1s, 15s, 15min); at most 1d and a multiple of the"
              + " time format's resolution")
  long periodMillis;

  @Option(
      names = "--jitter",
      paramLabel = "F",
      defaultValue = "0.2",
      description =
          "max timestamp jitter as a fraction of the period, 0 to 0.45 (rounded down to the time format's"
              + " resolution)")
  double jitter;

  @Option(
      names = "--missingRate",
      paramLabel = "P",
      defaultValue = "0.001",
      description = "probability that a reading is not transmitted")
  double missingRate;

  @Option(
      names = "--outageRate",
      paramLabel = "R",
      defaultValue = "0.1",
      description = "outages (5 min to 6 h without readings) per meter per day")
  double outageRate;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "random seed (any long); same options give byte-identical files")
  long seed;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      required = true,
      description = "folder to write the readings files to (required)")
  String output;

  @Option(
      names = "--prefix",
      paramLabel = "NAME",
      defaultValue = "readings",
      description = "file name prefix: <prefix>-SSSSS-of-NNNNN.csv[.gz]")
  String prefix;

  @Option(
      names = "--shards",
      paramLabel = "N",
      defaultValue = "1",
      description = "number of files; meters are split across them in contiguous ranges")
  int shards;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = {
        "threads writing shards (and computing ground truth)",
        DERIVED_DEFAULT + "min(shards, cores)"
      })
  Integer threads;

  // Arity 0..1 with a fallback: --gzip alone means true, and --header alone keeps it true rather
  // than toggling it off.
  @Option(
      names = "--gzip",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      showDefaultValue = Help.Visibility.ALWAYS,
      description = "gzip the files (.csv.gz); --gzip alone means true")
  boolean gzip;

  @Option(
      names = "--gzipLevel",
      paramLabel = "N",
      defaultValue = "6",
      description = "gzip compression level, 1 (fast) to 9 (small)")
  int gzipLevel;

  @Option(
      names = "--header",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      showDefaultValue = Help.Visibility.ALWAYS,
      description = "write the header line meter,time,energy,power first in every file")
  boolean header;

  @Option(
      names = "--timeFormat",
      paramLabel = "FORMAT",
      defaultValue = "space",
      converter = TimeFormatConverter.class,
      description =
          "space = yyyy-MM-dd HH:mm:ss, minute = yyyy-MM-dd HH:mm, iso = yyyy-MM-ddTHH:mm:ssZ")
  TimeFormat timeFormat;

  @Option(
      names = "--faultRate",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "probability, per transmitted reading and per fault kind, of injecting that fault")
  double faultRate;

  @Option(
      names = "--faultRates",
      paramLabel = "KIND:P,...",
      converter = FaultRateOverrides.Converter.class,
      description = "per-kind overrides of --faultRate (kinds below)")
  FaultRateOverrides faultRates;

  @Option(
      names = "--faultsFile",
      paramLabel = "FILE",
      description = {
        "where to write the counts of injected faults and lines",
        DERIVED_DEFAULT + "<output>/_<prefix>.faults.json"
      })
  Path faultsFile;

  @Option(
      names = "--groundTruth",
      paramLabel = "FILE",
      description = "write the expected hourly metrics to this CSV file (.csv or .csv.gz)")
  Path groundTruth;

  @Option(names = "--help", usageHelp = true, description = "print this help and exit")
  boolean help;

  /**
   * Parses {@code args}, converting each value; a bad one throws a one-line ParameterException
   * naming it.
   */
  static GeneratorCommand parse(String... args) {
    GeneratorCommand command = new GeneratorCommand();
    CommandLine commandLine = new CommandLine(command).setExpandAtFiles(false);
    commandLine
        .getCommandSpec()
        .usageMessage()
        .footer("%nFault kinds: " + FaultRateOverrides.kindList());
    requireAttachedValues(commandLine, args);
    commandLine.parseArgs(args);
    return command;
  }

  /**
   * Picocli would also take a value from the next argument ({@code --output dir}, even {@code
   * --output --meters=3}); the documented command line is {@code --name=value} only.
   */
  private static void requireAttachedValues(CommandLine commandLine, String... args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ParameterException(
            commandLine,
            "unexpected argument '" + arg + "': options look like --name=value (see --help)");
      }
      OptionSpec option =
          arg.indexOf('=') < 0 ? commandLine.getCommandSpec().findOption(arg) : null;
      if (option != null && option.arity().min() > 0) {
        throw new ParameterException(commandLine, arg + " needs a value: " + arg + "=...");
      }
    }
  }

  /** The --help text: every option with its default. */
  String usage() {
    return spec.commandLine().getUsageMessage(Help.Ansi.OFF);
  }

  boolean isGiven(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** A bad value, reported as {@code --name=value: why} with the value as typed. */
  ParameterException bad(String option, String why) {
    return failure(option + "=" + given(option) + ": " + why);
  }

  ParameterException failure(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private String given(String option) {
    OptionSpec o = spec.findOption(option);
    List<String> typed = o.originalStringValues();
    return typed.isEmpty() ? o.defaultValue() : typed.get(typed.size() - 1);
  }
}
