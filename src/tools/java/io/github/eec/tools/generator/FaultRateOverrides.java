package io.github.eec.tools.generator;

import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The per-kind rates of {@code --faultRates=KIND:rate,...}. A record of its own rather than a map,
 * because picocli would read a map option as {@code key=value} pairs.
 */
record FaultRateOverrides(Map<FaultKind, Double> byKind) {

  /** Reads the list; each rate is a probability, from 0 to 1. */
  static final class Converter implements ITypeConverter<FaultRateOverrides> {
    @Override
    public FaultRateOverrides convert(String list) {
      EnumMap<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
      for (String item : list.split(",", -1)) {
        int colon = item.indexOf(':');
        if (colon < 0) {
          throw new TypeConversionException("'" + item + "' is not KIND:rate");
        }
        String kind = item.substring(0, colon).trim();
        String rate = item.substring(colon + 1).trim();
        rates.put(kind(kind), rate(item, rate));
      }
      return new FaultRateOverrides(rates);
    }

    private static FaultKind kind(String name) {
      try {
        return FaultKind.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + name + "' is not a fault kind; kinds: " + kindList());
      }
    }

    private static double rate(String item, String text) {
      double rate;
      try {
        rate = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + item + "': the rate is not a number");
      }
      if (!(rate >= 0.0 && rate <= 1.0)) {
        throw new TypeConversionException("'" + item + "': the rate must be between 0.0 and 1.0");
      }
      return rate;
    }
  }

  static String kindList() {
    StringBuilder sb = new StringBuilder();
    for (FaultKind k : FaultKind.values()) {
      sb.append(sb.length() == 0 ? "" : " ").append(k.name());
    }
    return sb.toString();
  }
}
