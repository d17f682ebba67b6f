package io.github.eec.pipeline.runners;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.job.HourlyMetricsJob;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.options.OptionsParser;
import io.github.eec.pipeline.testing.EveryProfile;
import io.github.eec.pipeline.testing.RunnerProfile;
import io.github.eec.tools.verify.CrossRunnerFeed;
import io.github.eec.tools.verify.CrossRunnerOutputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;

/**
 * Runner portability: the whole job, as {@code main} runs it, over the same multi-file input on the
 * DirectRunner and on the runner of the Maven profile (-Pspark-runner: Spark local[2];
 * -Pflink-runner: Flink's embedded cluster, parallelism 2), each with its options file from
 * runner-profiles/. Both outputs must be complete and hold exactly the same rows, every value.
 *
 * <p>Run by failsafe ({@code mvn verify}); the profile chooses the runner through the system
 * property {@code it.runnerProfile}. Under the default profile only the DirectRunner runs. The
 * options are the job's own ({@code OptionsParser}, with the runner's defaults) plus the way's
 * file.
 */
@Category(EveryProfile.class)
public class RunnerPortabilityIT {
  static final int SHARDS = 5;

  /** What the test pins on top of each way's options: two workers, as the machine has two cores. */
  static final Map<String, List<String>> TEST_OPTIONS =
      Map.of(
          "direct", List.of(),
          "spark-local", List.of("--sparkMaster=local[2]"),
          "flink-local", List.of("--parallelism=2"));

  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static Path input;
  private static CrossRunnerFeed.Expected expected;

  @BeforeClass
  public static void writeFeed() throws IOException {
    input = TMP.newFolder("input").toPath();
    expected = CrossRunnerFeed.write(input, CrossRunnerFeed.READINGS, CrossRunnerFeed.SEED);
  }

  @Test
  public void profileRunnerWritesTheSameRowsAsTheDirectRunner() throws Exception {
    List<HourlyMeterStats> direct = runAndCheck("direct");
    String profile = System.getProperty("it.runnerProfile", "direct");
    if (!profile.equals("direct")) {
      CrossRunnerOutputs.checkSameRows("direct", direct, profile, runAndCheck(profile));
    }
  }

  private List<HourlyMeterStats> runAndCheck(String profile) throws Exception {
    Path output = TMP.getRoot().toPath().resolve("output-" + profile);
    List<String> args = RunnerProfile.options(profile, TEST_OPTIONS.get(profile));
    args.add("--input=" + input + "/part-*");
    args.add("--output=" + output);
    args.add("--numShards=" + SHARDS);

    long start = System.nanoTime();
    RunSummary summary =
        HourlyMetricsJob.run(OptionsParser.parse(args.toArray(new String[0])), System.err)
            .summary();
    System.out.printf("%s: %s ran in %.1f s%n", profile, args, (System.nanoTime() - start) / 1e9);

    assertEquals(profile + " linesRead", expected.linesRead, summary.get(CounterNames.LINES_READ));
    assertEquals(
        profile + " headerLines", expected.headerLines, summary.get(CounterNames.HEADER_LINES));
    assertEquals(
        profile + " accepted",
        expected.readingsAccepted,
        summary.get(CounterNames.READINGS_ACCEPTED));
    assertEquals(
        profile + " rejected", expected.linesRejected, summary.get(CounterNames.LINES_REJECTED));
    assertEquals(
        profile + " rows", expected.meterHours.size(), summary.get(CounterNames.HOURLY_ROWS));
    return CrossRunnerOutputs.checkComplete(output, expected, SHARDS);
  }
}
