package io.github.eec.tools.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a meter registry ({@code meter,region,time_zone,tariff,feeder}) for the generator's meter
 * ids, to measure the roll-ups' registry join at a utility's size (a million meters) and to give
 * generated readings regions and zones. Meter {@code n}'s row depends on {@code n} alone, so a
 * registry of a million meters lists the first ones exactly as a registry of a thousand does.
 */
@Command(
    name = "RegistryGenerator",
    description = "Writes a meter registry CSV for the meters MTR-<first> .. MTR-<first+meters-1>.",
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class RegistryGenerator implements Callable<Integer> {
  /**
   * Whole-hour zones, with and without daylight saving, both sides of the date line: the roll-ups
   * refuse zones whose offset is not whole hours.
   */
  static final List<String> ZONES =
      List.of(
          "Europe/Berlin",
          "America/New_York",
          "UTC",
          "America/Los_Angeles",
          "Europe/London",
          "Asia/Tokyo",
          "Australia/Sydney",
          "Pacific/Auckland",
          "America/Chicago",
          "Pacific/Kiritimati",
          "Pacific/Pago_Pago",
          "America/Sao_Paulo");

  private static final List<String> TARIFFS = List.of("res", "res", "res", "com", "ind");

  @Option(names = "--meters", paramLabel = "N", defaultValue = "1000", description = "meters")
  int meters;

  @Option(names = "--firstMeter", paramLabel = "N", defaultValue = "1", description = "first one")
  int firstMeter;

  @Option(names = "--regions", paramLabel = "N", defaultValue = "50", description = "regions")
  int regions;

  @Option(names = "--output", paramLabel = "FILE", required = true, description = "CSV to write")
  Path output;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RegistryGenerator()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (meters < 1 || firstMeter < 0 || regions < 1 || (long) firstMeter + meters > 1L << 31) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--meters and --regions must be at least 1, --firstMeter >= 0");
    }
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      w.write("meter,region,time_zone,tariff,feeder\n");
      for (int n = firstMeter; n < firstMeter + meters; n++) {
        w.write(row(n));
      }
    }
    System.out.printf(Locale.ROOT, "wrote %,d meters to %s%n", meters, output);
    return 0;
  }

  /** Meter {@code n}'s line: region and feeder by a mix of {@code n}, zone by region. */
  String row(int n) {
    long mixed = (n * 0x9E3779B97F4A7C15L) >>> 17;
    int region = (int) Math.floorMod(mixed, (long) regions);
    return String.format(
        Locale.ROOT,
        "%s,region-%03d,%s,%s,F-%03d-%02d%n",
        GeneratorOptions.meterId(n),
        region + 1,
        ZONES.get(region % ZONES.size()),
        TARIFFS.get((int) Math.floorMod(mixed >>> 8, (long) TARIFFS.size())),
        region + 1,
        Math.floorMod(mixed >>> 16, 40L));
  }
}
