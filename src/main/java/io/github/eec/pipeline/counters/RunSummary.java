package io.github.eec.pipeline.counters;

import io.github.eec.pipeline.model.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The counters of a finished run. Reads attempted values: committed ones are not supported on every
 * runner (Spark), and a finished batch run's attempted values are final.
 */
public final class RunSummary {
  private final Map<String, Long> counters;

  private RunSummary(Map<String, Long> counters) {
    this.counters = counters;
  }

  /** The summary of a run that read nothing (a merge whose files were all merged before). */
  public static RunSummary empty() {
    return new RunSummary(new LinkedHashMap<>());
  }

  public static RunSummary of(PipelineResult result) {
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(CounterNames.NAMESPACE))
                    .build());
    Map<String, Long> counters = new LinkedHashMap<>();
    for (MetricResult<Long> c : metrics.getCounters()) {
      Long attempted = c.getAttempted(); // null from a runner that has not reported it yet
      counters.merge(c.getName().getName(), attempted == null ? 0L : attempted, Long::sum);
    }
    return new RunSummary(counters);
  }

  public long get(String counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /**
   * The counters named {@code prefix + file} (such as {@link CounterNames#LINES_READ_IN}), by file.
   */
  public Map<String, Long> byFile(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach(
        (name, value) -> {
          if (name.startsWith(prefix)) {
            out.put(name.substring(prefix.length()), value);
          }
        });
    return out;
  }

  /** Rejected lines as a share of all lines read (0 when nothing was read). */
  public double rejectedFraction() {
    long read = get(CounterNames.LINES_READ);
    return read == 0 ? 0.0 : (double) get(CounterNames.LINES_REJECTED) / read;
  }

  /**
   * The counters the run summary shows, by label, in its order (rejects by reason, and a merge's
   * recomputed and carried rows, indented under their total).
   */
  public Map<String, Long> shown() {
    Map<String, Long> lines = new LinkedHashMap<>();
    lines.put("lines read", get(CounterNames.LINES_READ));
    lines.put("header lines skipped", get(CounterNames.HEADER_LINES));
    lines.put("readings accepted", get(CounterNames.READINGS_ACCEPTED));
    lines.put("lines rejected", get(CounterNames.LINES_REJECTED));
    for (RejectReason reason : RejectReason.values()) {
      long n = get(CounterNames.rejected(reason));
      if (n > 0) {
        lines.put("  " + reason.name(), n);
      }
    }
    lines.put("duplicates dropped", get(CounterNames.DUPLICATES_DROPPED));
    lines.put("register resets", get(CounterNames.REGISTER_RESETS));
    lines.put("hourly rows written", get(CounterNames.HOURLY_ROWS));
    if (get(CounterNames.HOURS_ESTIMATED) > 0) {
      lines.put("gap hours estimated", get(CounterNames.HOURS_ESTIMATED));
    }
    if (get(CounterNames.DAILY_ROWS) > 0) {
      lines.put("daily rows written", get(CounterNames.DAILY_ROWS));
    }
    if (get(CounterNames.METERS_NOT_IN_REGISTRY) > 0) {
      lines.put("meters not in the registry", get(CounterNames.METERS_NOT_IN_REGISTRY));
    }
    if (get(CounterNames.ROWS_RECOMPUTED) + get(CounterNames.ROWS_CARRIED) > 0) {
      lines.put("  recomputed", get(CounterNames.ROWS_RECOMPUTED));
      lines.put("  carried over", get(CounterNames.ROWS_CARRIED));
    }
    return lines;
  }

  public String format(String outputDir, String rejectsDir) {
    StringBuilder sb = new StringBuilder("Run summary\n");
    shown().forEach((label, value) -> line(sb, label, value));
    sb.append(String.format("  %-22s %s%n", "output", outputDir));
    sb.append(String.format("  %-22s %s%n", "rejects", rejectsDir));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, long value) {
    sb.append(String.format("  %-22s %,d%n", label, value));
  }
}
