package io.github.eec.pipeline.testing;

import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.job.HourlyMetricsJob;
import io.github.eec.pipeline.options.OptionsParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole job in-process as {@code main} would, on the DirectRunner, with its element checks
 * on (the job turns them off for speed; tests want them to catch a DoFn that mutates input).
 */
public final class Jobs {
  private Jobs() {}

  public static RunSummary run(String input, Path output, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + input,
                "--output=" + output,
                "--runner=DirectRunner",
                "--enforceImmutability=true",
                "--enforceEncodability=true"));
    args.addAll(List.of(extra));
    return HourlyMetricsJob.run(OptionsParser.parse(args.toArray(new String[0])), System.err)
        .summary();
  }
}
