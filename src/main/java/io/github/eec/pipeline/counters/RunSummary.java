package io.github.eec.pipeline.metrics;

import io.github.eec.pipeline.model.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The counters of a finished run. Reads attempted values: committed ones are not supported on
 * every runner (Spark), and a finished batch run's attempted values are final.
 */
public final class RunSummary {
  private final Map<String, Long> counters;

  private RunSummary(Map<String, Long> counters) {
    this.counters = counters;
  }

  public static RunSummary of(PipelineResult result) {
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(PipelineCounters.NAMESPACE))
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
    long read = get(PipelineCounters.LINES_READ);
    return read == 0 ? 0.0 : (double) get(PipelineCounters.LINES_REJECTED) / read;
  }

  public String format(String outputDir, String rejectsDir) {
    StringBuilder sb = new StringBuilder("Run summary\n");
    line(sb, "lines read", get(PipelineCounters.LINES_READ));
    line(sb, "header lines skipped", get(PipelineCounters.HEADER_LINES));
    line(sb, "readings accepted", get(PipelineCounters.READINGS_ACCEPTED));
    line(sb, "lines rejected", get(PipelineCounters.LINES_REJECTED));
    for (RejectReason reason : RejectReason.values()) {
      long n = get(PipelineCounters.rejected(reason));
      if (n > 0) {
        line(sb, "  " + reason.name(), n);
      }
    }
    line(sb, "duplicates dropped", get(PipelineCounters.DUPLICATES_DROPPED));
    line(sb, "register resets", get(PipelineCounters.REGISTER_RESETS));
    line(sb, "hourly rows written", get(PipelineCounters.HOURLY_ROWS));
    sb.append(String.format("  %-22s %s%n", "output", outputDir));
    sb.append(String.format("  %-22s %s%n", "rejects", rejectsDir));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, long value) {
    sb.append(String.format("  %-22s %,d%n", label, value));
  }
}
