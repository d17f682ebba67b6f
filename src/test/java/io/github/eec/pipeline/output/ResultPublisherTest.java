package io.github.eec.pipeline.output;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Publishing on the local file system: all of a run or none of it, and no leftovers. */
public class ResultPublisherTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path output;

  @Before
  public void fileSystems() throws IOException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    output = tmp.newFolder("out").toPath();
  }

  /** Writes a run's files into its staging folders, as the pipeline does. */
  private static void stage(ResultPublisher p, String hourlyFile, String content)
      throws IOException {
    Path hourly = Paths.get(p.stagingDir(ResultPublisher.HOURLY));
    Path rejects = Paths.get(p.stagingDir(ResultPublisher.REJECTS));
    Files.createDirectories(hourly);
    Files.createDirectories(rejects);
    Files.writeString(hourly.resolve(hourlyFile), content);
    Files.writeString(rejects.resolve("rejects-00000-of-00001.jsonl"), "");
  }

  private List<String> tree() throws IOException {
    try (Stream<Path> s = Files.walk(output)) {
      return s.filter(Files::isRegularFile)
          .map(f -> output.relativize(f).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  public void publishMovesTheStagedFilesIntoPlaceAndMarksSuccess() throws IOException {
    ResultPublisher p = new ResultPublisher(output.toString());
    assertEquals(List.of(), p.publishedFiles());
    stage(p, "hourly-00000-of-00001.parquet", "run 1");
    p.publish(ResultPublisher.HOURLY, ResultPublisher.REJECTS);
    p.cleanUp();
    assertEquals(
        List.of(
            "_SUCCESS",
            "hourly/hourly-00000-of-00001.parquet",
            "rejects/rejects-00000-of-00001.jsonl"),
        tree());
    assertEquals(2, p.publishedFiles().size());
    assertEquals("run 1", Files.readString(output.resolve("hourly/hourly-00000-of-00001.parquet")));
  }

  @Test
  public void overwriteReplacesEveryOldFileIncludingOnesTheNewRunDoesNotWrite() throws IOException {
    ResultPublisher first = new ResultPublisher(output.toString());
    stage(first, "hourly-00000-of-00002.parquet", "old");
    Files.writeString(
        Paths.get(first.stagingDir(ResultPublisher.HOURLY))
            .resolve("hourly-00001-of-00002.parquet"),
        "old");
    first.publish(ResultPublisher.HOURLY, ResultPublisher.REJECTS);
    first.cleanUp();

    ResultPublisher second = new ResultPublisher(output.toString());
    stage(second, "hourly-00000-of-00001.parquet", "new");
    second.publish(ResultPublisher.HOURLY, ResultPublisher.REJECTS);
    second.cleanUp();
    assertEquals(
        List.of(
            "_SUCCESS",
            "hourly/hourly-00000-of-00001.parquet",
            "rejects/rejects-00000-of-00001.jsonl"),
        tree());
    assertEquals("new", Files.readString(output.resolve("hourly/hourly-00000-of-00001.parquet")));
  }

  @Test
  public void aFailedRunLeavesThePublishedResultAsItWas() throws IOException {
    ResultPublisher first = new ResultPublisher(output.toString());
    stage(first, "hourly-00000-of-00001.parquet", "good");
    first.publish(ResultPublisher.HOURLY, ResultPublisher.REJECTS);
    first.cleanUp();
    List<String> before = tree();

    ResultPublisher failed = new ResultPublisher(output.toString());
    stage(failed, "hourly-00000-of-00001.parquet", "half-written");
    failed.cleanUp(); // what the job does when the run fails: no publish
    assertEquals(before, tree());
    assertEquals("good", Files.readString(output.resolve("hourly/hourly-00000-of-00001.parquet")));
  }

  @Test
  public void leftoverStagingOfAKilledRunIsRemovedByTheNextRunOnly() throws IOException {
    ResultPublisher killed = new ResultPublisher(output.toString());
    stage(
        killed, "hourly-00000-of-00001.parquet", "partial"); // killed: neither publish nor cleanUp
    assertTrue(tree().stream().anyMatch(f -> f.startsWith("_staging-")));
    assertEquals(
        "staging is not a published result",
        List.of(),
        new ResultPublisher(output.toString()).publishedFiles());

    ResultPublisher next = new ResultPublisher(output.toString());
    next.removeLeftoverStaging();
    assertEquals(List.of(), tree());
    try (Stream<Path> s = Files.list(output)) {
      assertFalse("no empty staging folders left", s.findAny().isPresent());
    }
  }
}
