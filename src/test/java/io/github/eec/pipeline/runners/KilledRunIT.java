package io.github.eec.pipeline.runners;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.HourlyMetricsPipeline;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.testing.EveryProfile;
import io.github.eec.pipeline.testing.RunnerProfile;
import io.github.eec.tools.generator.ReadingsGenerator;
import io.github.eec.tools.verify.ParquetRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;

/**
 * Kills a real run (its own JVM, SIGKILL) half-way on the profile's runner (DirectRunner, Spark
 * local, Flink embedded; see RunnerPortabilityIT) over an earlier published result, and checks that
 * the output folder is as it was, and that a rerun then gives the rows of an uninterrupted run.
 */
@Category(EveryProfile.class)
public class KilledRunIT {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final String profile = System.getProperty("it.runnerProfile", "direct");

  private Process start(String input, Path output, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("@" + Paths.get(".mvn/jvm.config").toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HourlyMetricsPipeline.class.getName());
    command.addAll(RunnerProfile.options(profile, RunnerPortabilityIT.TEST_OPTIONS.get(profile)));
    command.add("--input=" + input);
    command.add("--output=" + output);
    command.add("--overwrite=true");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private long runToEnd(String input, Path output, Path log) throws Exception {
    long started = System.nanoTime();
    Process p = start(input, output, log);
    assertTrue(profile + " run finished", p.waitFor(600, TimeUnit.SECONDS));
    assertEquals(Files.readString(log), 0, p.exitValue());
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static boolean hasStaging(Path output) throws IOException {
    try (Stream<Path> s = Files.list(output)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("_staging-"));
    }
  }

  @Test
  public void killedRunLeavesThePublishedResultAndARerunEqualsAnUninterruptedRun()
      throws Exception {
    Path small = tmp.newFolder("small").toPath();
    ReadingsGenerator.generate(
        "--meters=3", "--duration=3h", "--period=60s", "--seed=1", "--output=" + small);
    Path big = tmp.newFolder("big").toPath();
    ReadingsGenerator.generate(
        "--meters=20", "--duration=4h", "--period=1s", "--seed=2", "--shards=2", "--output=" + big);
    Path log = tmp.getRoot().toPath().resolve("job.log");

    // The reference: an uninterrupted run, which also tells how long a run takes on this runner.
    Path reference = tmp.getRoot().toPath().resolve("reference");
    long fullMillis = runToEnd(big + "/*.csv", reference, log);
    List<HourlyMeterStats> expected = ParquetRows.rows(reference.resolve("hourly"));

    Path output = tmp.getRoot().toPath().resolve("out");
    runToEnd(small + "/*.csv", output, log);
    List<HourlyMeterStats> published = ParquetRows.rows(output.resolve("hourly"));
    assertEquals(9, published.size());

    Process killed = start(big + "/*.csv", output, log);
    Thread.sleep(fullMillis / 2);
    boolean killedMidway = killed.isAlive();
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    System.out.printf(
        "%s: run of %d ms killed after %d ms, midway: %s%n",
        profile, fullMillis, fullMillis / 2, killedMidway);
    List<HourlyMeterStats> after = ParquetRows.rows(output.resolve("hourly"));
    if (killedMidway) {
      assertEquals("untouched", new HashSet<>(published), new HashSet<>(after));
      assertEquals(published.size(), after.size());
      assertTrue(Files.exists(output.resolve("_SUCCESS")));
    } else {
      assertEquals("complete", new HashSet<>(expected), new HashSet<>(after));
    }

    runToEnd(big + "/*.csv", output, log);
    List<HourlyMeterStats> rerun = ParquetRows.rows(output.resolve("hourly"));
    assertEquals(expected.size(), rerun.size());
    assertEquals(new HashSet<>(expected), new HashSet<>(rerun));
    assertFalse("the rerun removed the killed run's staging folder", hasStaging(output));
  }
}
