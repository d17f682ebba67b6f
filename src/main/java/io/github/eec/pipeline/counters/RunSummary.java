package io.github.eec.pipeline.counters;

import io.github.eec.pipeline.model.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;
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
      counters.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return new RunSummary(counters);
  }

  public long get(String counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** Rejected lines as a share of all lines read (0 when nothing was read). */
  public double rejectedFraction() {
    long read = get(CounterNames.LINES_READ);
    return read == 0 ? 0.0 : (double) get(CounterNames.LINES_REJECTED) / read;
  }

  public String format(String outputDir, String rejectsDir) {
    StringBuilder sb = new StringBuilder("Run summary\n");
    line(sb, "lines read", get(CounterNames.LINES_READ));
    line(sb, "header lines skipped", get(CounterNames.HEADER_LINES));
    line(sb, "readings accepted", get(CounterNames.READINGS_ACCEPTED));
    line(sb, "lines rejected", get(CounterNames.LINES_REJECTED));
    for (RejectReason reason : RejectReason.values()) {
      long n = get(CounterNames.rejected(reason));
      if (n > 0) {
        line(sb, "  " + reason.name(), n);
      }
    }
    line(sb, "duplicates dropped", get(CounterNames.DUPLICATES_DROPPED));
    line(sb, "register resets", get(CounterNames.REGISTER_RESETS));
    line(sb, "hourly rows written", get(CounterNames.HOURLY_ROWS));
    if (get(CounterNames.HOURS_ESTIMATED) > 0) {
      line(sb, "gap hours estimated", get(CounterNames.HOURS_ESTIMATED));
    }
    if (get(CounterNames.DAILY_ROWS) > 0) {
      line(sb, "daily rows written", get(CounterNames.DAILY_ROWS));
    }
    if (get(CounterNames.METERS_NOT_IN_REGISTRY) > 0) {
      line(sb, "meters not in the registry", get(CounterNames.METERS_NOT_IN_REGISTRY));
    }
    if (get(CounterNames.ROWS_RECOMPUTED) + get(CounterNames.ROWS_CARRIED) > 0) {
      line(sb, "  recomputed", get(CounterNames.ROWS_RECOMPUTED));
      line(sb, "  carried over", get(CounterNames.ROWS_CARRIED));
    }
    sb.append(String.format("  %-22s %s%n", "output", outputDir));
    sb.append(String.format("  %-22s %s%n", "rejects", rejectsDir));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, long value) {
    sb.append(String.format("  %-22s %,d%n", label, value));
  }
}
