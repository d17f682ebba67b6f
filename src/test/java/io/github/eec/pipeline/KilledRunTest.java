package io.github.eec.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.generator.GroundTruthCsv;
import io.github.eec.generator.ReadingsGenerator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.testing.ParquetRows;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Kills a real run (a separate JVM, SIGKILL) while it works and checks that the output folder is
 * as it was before, and that a rerun then gives the rows of an uninterrupted run.
 */
public class KilledRunTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static Process startJob(String input, Path output, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), HourlyMetricsPipeline.class.getName(),
            "--input=" + input, "--output=" + output, "--overwrite=true");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  static boolean hasStaging(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return false;
    }
    try (Stream<Path> s = Files.list(output)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("_staging-"));
    }
  }

  @Test
  public void killedOverwriteLeavesThePublishedResultAndARerunCompletesIt() throws Exception {
    // A small published result, then a bigger run over it that gets killed.
    Path small = tmp.newFolder("small").toPath();
    ReadingsGenerator.generate("--meters=3", "--duration=3h", "--period=60s", "--seed=1", "--output=" + small);
    Path big = tmp.newFolder("big").toPath();
    Path truth = tmp.getRoot().toPath().resolve("big-expected.csv");
    ReadingsGenerator.generate(
        "--meters=20", "--duration=4h", "--period=1s", "--seed=2", "--shards=2", "--output=" + big,
        "--groundTruth=" + truth);
    Path output = tmp.getRoot().toPath().resolve("out");
    Path log = tmp.getRoot().toPath().resolve("job.log");

    Process first = startJob(small + "/*.csv", output, log);
    assertTrue("first run finished", first.waitFor(120, TimeUnit.SECONDS));
    assertEquals(Files.readString(log), 0, first.exitValue());
    List<HourlyMeterStats> published = ParquetRows.rows(output.resolve("hourly"));
    assertEquals(3 * 3, published.size());

    long started = System.nanoTime();
    Process killed = startJob(big + "/*.csv", output, log);
    Thread.sleep(6000); // JVM up, pipeline built, well into reading and parsing
    boolean killedMidway = killed.isAlive();
    System.out.printf("killed midway: %s, after %d ms%n", killedMidway, (System.nanoTime() - started) / 1_000_000);
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    if (killedMidway) {
      // Untouched: exactly the earlier result, still marked complete.
      assertEquals(new HashSet<>(published), new HashSet<>(ParquetRows.rows(output.resolve("hourly"))));
      assertTrue(Files.exists(output.resolve("_SUCCESS")));
    } else {
      // The machine was fast enough to finish: then the output must be complete.
      GroundTruthEndToEndTest.assertSameRows(GroundTruthCsv.read(truth), ParquetRows.rows(output.resolve("hourly")));
    }

    started = System.nanoTime();
    Process rerun = startJob(big + "/*.csv", output, log);
    assertTrue("rerun finished", rerun.waitFor(300, TimeUnit.SECONDS));
    System.out.printf("uninterrupted run: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertEquals(Files.readString(log), 0, rerun.exitValue());
    GroundTruthEndToEndTest.assertSameRows(GroundTruthCsv.read(truth), ParquetRows.rows(output.resolve("hourly")));
    assertFalse("the rerun removed the killed run's staging folder", hasStaging(output));
    assertTrue(new File(output.toFile(), "_SUCCESS").exists());
  }
}
