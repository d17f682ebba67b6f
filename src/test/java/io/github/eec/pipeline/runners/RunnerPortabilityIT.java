package io.github.eec.pipeline.runners;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.HourlyMetricsPipeline;
import io.github.eec.pipeline.metrics.PipelineCounters;
import io.github.eec.pipeline.metrics.RunSummary;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.tools.verify.CrossRunnerFeed;
import io.github.eec.tools.verify.CrossRunnerOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Runner portability: the whole job, as {@code main} runs it, over the same multi-file input on the
 * DirectRunner and on the runner of the Maven profile (-Pspark-runner: Spark local[2]; -Pflink-runner:
 * Flink's embedded cluster, parallelism 2), each with its options file from runner-profiles/. Both
 * outputs must be complete and hold exactly the same rows, every value.
 *
 * <p>Run by failsafe ({@code mvn verify}); the profile chooses the runner through the system
 * property {@code it.runnerProfile}. Under the default profile only the DirectRunner runs.
 */
public class RunnerPortabilityIT {
  static final int SHARDS = 5;

  /**
   * Options each profile's test run pins, on top of its runner-profiles/ file. The DirectRunner's
   * element-cloning checks are off, as in {@code main}: the unit tests run with them.
   */
  static final Map<String, List<String>> TEST_OVERRIDES =
      Map.of(
          "direct", List.of("--enforceImmutability=false", "--enforceEncodability=false"),
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
    List<String> args = RunnerProfiles.args(profile, TEST_OVERRIDES.get(profile));
    args.add("--input=" + input + "/part-*");
    args.add("--output=" + output);
    args.add("--numShards=" + SHARDS);

    long start = System.nanoTime();
    HourlyMetricsOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().as(HourlyMetricsOptions.class);
    RunSummary summary = HourlyMetricsPipeline.run(options).summary;
    System.out.printf("%s: %s ran in %.1f s%n", profile, args, (System.nanoTime() - start) / 1e9);

    assertEquals(profile + " linesRead", expected.linesRead, summary.get(PipelineCounters.LINES_READ));
    assertEquals(profile + " headerLines", expected.headerLines, summary.get(PipelineCounters.HEADER_LINES));
    assertEquals(profile + " accepted", expected.readingsAccepted, summary.get(PipelineCounters.READINGS_ACCEPTED));
    assertEquals(profile + " rejected", expected.linesRejected, summary.get(PipelineCounters.LINES_REJECTED));
    assertEquals(profile + " rows", expected.meterHours.size(), summary.get(PipelineCounters.HOURLY_ROWS));
    return CrossRunnerOutputs.checkComplete(output, expected, SHARDS);
  }

  /** Reads runner-profiles/NAME.args the way scripts/run does: one option per line, # comments. */
  static final class RunnerProfiles {
    private RunnerProfiles() {}

    static List<String> args(String name, List<String> overrides) throws IOException {
      Path dir = Paths.get(System.getProperty("it.profilesDir", "runner-profiles"));
      Map<String, String> byName = new LinkedHashMap<>();
      for (String line : Files.readAllLines(dir.resolve(name + ".args"))) {
        String option = line.strip();
        if (!option.isEmpty() && !option.startsWith("#")) {
          byName.put(optionName(option), option);
        }
      }
      for (String option : overrides) {
        byName.put(optionName(option), option);
      }
      return new ArrayList<>(byName.values());
    }

    private static String optionName(String option) {
      int eq = option.indexOf('=');
      return eq < 0 ? option : option.substring(0, eq);
    }
  }
}
