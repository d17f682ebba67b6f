package io.github.eec.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eec.pipeline.model.RejectReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * A few rejected lines of each reason, read from the run's rejects files. Reading stops as soon as
 * every reason the counters name has its examples, or after a byte budget: a broken feed can reject
 * millions of lines, and the page needs three of each.
 */
final class RejectExamples {
  /** One rejected line as the rejects file has it. */
  static final class Example {
    final String detail;
    final String file;
    final String line;

    Example(String detail, String file, String line) {
      this.detail = detail;
      this.file = file;
      this.line = line;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<RejectReason, List<Example>> examples = new EnumMap<>(RejectReason.class);
  private boolean budgetSpent;

  private RejectExamples() {}

  static RejectExamples none() {
    return new RejectExamples();
  }

  /**
   * Up to {@code perReason} examples of each of {@code reasons}, from {@code dir/*.jsonl}, reading
   * at most about {@code maxBytes}.
   */
  static RejectExamples read(String dir, Set<RejectReason> reasons, int perReason, long maxBytes)
      throws IOException {
    RejectExamples out = new RejectExamples();
    if (dir == null || reasons.isEmpty()) {
      return out;
    }
    String glob = (dir.endsWith("/") ? dir : dir + "/") + "*.jsonl";
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return out;
    }
    long bytes = 0;
    int complete = 0;
    for (MatchResult.Metadata file : match.metadata()) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  Channels.newInputStream(FileSystems.open(file.resourceId())),
                  StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          bytes += line.length() + 1;
          if (bytes > maxBytes) {
            out.budgetSpent = true;
            return out;
          }
          JsonNode node = JSON.readTree(line);
          RejectReason reason = reason(node.path("reason").asText());
          if (reason == null || !reasons.contains(reason)) {
            continue;
          }
          List<Example> list = out.examples.computeIfAbsent(reason, r -> new ArrayList<>());
          if (list.size() < perReason) {
            list.add(
                new Example(
                    node.path("detail").asText(),
                    node.path("file").asText(),
                    node.path("line").asText()));
            if (list.size() == perReason && ++complete == reasons.size()) {
              return out;
            }
          }
        }
      }
    }
    return out;
  }

  private static RejectReason reason(String name) {
    try {
      return RejectReason.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  List<Example> of(RejectReason reason) {
    return examples.getOrDefault(reason, List.of());
  }

  /** Reading stopped at the byte budget: some reasons may lack examples. */
  boolean budgetSpent() {
    return budgetSpent;
  }
}
