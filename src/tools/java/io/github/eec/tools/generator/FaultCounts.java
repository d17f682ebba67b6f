package io.github.eec.tools.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one generation wrote: readings simulated, transmitted and missing, lines by outcome, and the
 * number of injected faults of each kind. Written as {@code _<prefix>.faults.json} so tests can
 * check rates and compare with the pipeline's run summary.
 */
public final class FaultCounts {
  long nominalReadings;
  long missingReadings;
  long transmittedReadings;

  /** Lines the pipeline must accept as readings (duplicates included). */
  long acceptedLines;

  /** Lines the pipeline must reject (one per rejected-kind fault). */
  long rejectedLines;

  /** Header lines: one per file when --header, plus injected HEADER faults. */
  long headerLines;

  long bytes;
  final long[] faults = new long[FaultKind.values().length];

  /** Adds another shard's counts into this one. */
  void add(FaultCounts o) {
    nominalReadings += o.nominalReadings;
    missingReadings += o.missingReadings;
    transmittedReadings += o.transmittedReadings;
    acceptedLines += o.acceptedLines;
    rejectedLines += o.rejectedLines;
    headerLines += o.headerLines;
    bytes += o.bytes;
    for (int i = 0; i < faults.length; i++) {
      faults[i] += o.faults[i];
    }
  }

  public long nominalReadings() {
    return nominalReadings;
  }

  public long missingReadings() {
    return missingReadings;
  }

  /** Readings that were sent (each may carry one fault); the denominator of every fault rate. */
  public long transmittedReadings() {
    return transmittedReadings;
  }

  public long acceptedLines() {
    return acceptedLines;
  }

  public long rejectedLines() {
    return rejectedLines;
  }

  public long headerLines() {
    return headerLines;
  }

  /** All lines written: accepted + rejected + header. */
  public long lines() {
    return acceptedLines + rejectedLines + headerLines;
  }

  /** Uncompressed bytes written. */
  public long bytes() {
    return bytes;
  }

  public long faults(FaultKind kind) {
    return faults[kind.ordinal()];
  }

  /** Rejected lines by the README's reason code (only the rejected fault kinds). */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (FaultKind k : FaultKind.values()) {
      if (k.isRejected()) {
        m.put(k.name(), faults[k.ordinal()]);
      }
    }
    return m;
  }

  /**
   * The JSON document written next to the data; stable field order, no timings, so it is
   * reproducible.
   */
  String toJson(GeneratorOptions o) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n");
    sb.append("  \"seed\": ").append(o.seed).append(",\n");
    sb.append("  \"meters\": ").append(o.meters).append(",\n");
    sb.append("  \"files\": ").append(o.shards).append(",\n");
    sb.append("  \"nominalReadings\": ").append(nominalReadings).append(",\n");
    sb.append("  \"missingReadings\": ").append(missingReadings).append(",\n");
    sb.append("  \"transmittedReadings\": ").append(transmittedReadings).append(",\n");
    sb.append("  \"lines\": ").append(lines()).append(",\n");
    sb.append("  \"acceptedLines\": ").append(acceptedLines).append(",\n");
    sb.append("  \"rejectedLines\": ").append(rejectedLines).append(",\n");
    sb.append("  \"headerLines\": ").append(headerLines).append(",\n");
    sb.append("  \"bytes\": ").append(bytes).append(",\n");
    sb.append("  \"faultRates\": {");
    appendKinds(sb, k -> Double.toString(o.faultRates.get(k)));
    sb.append("},\n  \"faults\": {");
    appendKinds(sb, k -> Long.toString(faults[k.ordinal()]));
    sb.append("}\n}\n");
    return sb.toString();
  }

  private static void appendKinds(StringBuilder sb, Function<FaultKind, String> value) {
    for (FaultKind k : FaultKind.values()) {
      sb.append(k.ordinal() == 0 ? "\n    \"" : ",\n    \"")
          .append(k.name())
          .append("\": ")
          .append(value.apply(k));
    }
    sb.append("\n  ");
  }

  void write(Path file, GeneratorOptions o) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, toJson(o), StandardCharsets.UTF_8);
  }

  /** Reads a faults file written by the generator (its own simple format, not general JSON). */
  public static FaultCounts read(Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, Long> top = new HashMap<>();
    EnumMap<FaultKind, Long> kinds = new EnumMap<>(FaultKind.class);
    int faultsAt = json.indexOf("\"faults\"");
    Matcher m = Pattern.compile("\"(\\w+)\": (-?\\d+)(?=[,\\n])").matcher(json);
    while (m.find()) {
      if (m.start() > faultsAt) {
        kinds.put(FaultKind.valueOf(m.group(1)), Long.parseLong(m.group(2)));
      } else {
        top.put(m.group(1), Long.parseLong(m.group(2)));
      }
    }
    FaultCounts c = new FaultCounts();
    c.nominalReadings = top.get("nominalReadings");
    c.missingReadings = top.get("missingReadings");
    c.transmittedReadings = top.get("transmittedReadings");
    c.acceptedLines = top.get("acceptedLines");
    c.rejectedLines = top.get("rejectedLines");
    c.headerLines = top.get("headerLines");
    c.bytes = top.get("bytes");
    for (Map.Entry<FaultKind, Long> e : kinds.entrySet()) {
      c.faults[e.getKey().ordinal()] = e.getValue();
    }
    return c;
  }
}
