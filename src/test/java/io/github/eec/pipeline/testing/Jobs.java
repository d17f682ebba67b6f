package io.github.eec.pipeline.testing;

import io.github.eec.pipeline.HourlyMetricsPipeline;
import io.github.eec.pipeline.metrics.RunSummary;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Runs the whole job in-process as {@code main} would, on the DirectRunner. */
public final class Jobs {
  private Jobs() {}

  public static RunSummary run(String input, Path output, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--runner=DirectRunner"));
    args.addAll(List.of(extra));
    HourlyMetricsOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().as(HourlyMetricsOptions.class);
    return HourlyMetricsPipeline.run(options).summary;
  }
}
