package io.github.eec.pipeline.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The warning before a DirectRunner run too large for its heap, from the input's size on disk. */
public class DirectRunnerMemoryCheckTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final long MB = 1L << 20;

  /** The files a glob matches, as OptionsValidator hands them over (none for no match). */
  private static List<MatchResult.Metadata> files(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    return match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
  }

  @Test
  public void withoutABoundWarnsOnlyWhenFourTimesTheInputExceedsTheHeap() throws Exception {
    Path dir = tmp.newFolder("in").toPath();
    Files.write(dir.resolve("a.csv"), new byte[(int) MB]);
    Files.write(dir.resolve("b.csv"), new byte[(int) MB]);
    String glob = dir + "/*.csv";
    // 2 MB of CSV: ~8 MB of heap.
    assertFalse(DirectRunnerMemoryCheck.warning(files(glob), 9 * MB, 0).isPresent());
    Optional<String> warning = DirectRunnerMemoryCheck.warning(files(glob), 7 * MB, 0);
    assertTrue(warning.isPresent());
    assertThat(warning.get(), containsString("flink-local"));
    assertThat(warning.get(), containsString("-Xmx"));
    assertThat(warning.get(), containsString("may need ~8 MB of heap"));
  }

  @Test
  public void compressedFilesCountAsWhatTheyExpandTo() throws Exception {
    Path dir = tmp.newFolder("gz").toPath();
    Files.write(dir.resolve("a.csv.gz"), new byte[(int) MB]);
    // 1 MB of gzip ~ 3.5 MB of CSV ~ 14 MB of heap.
    assertTrue(DirectRunnerMemoryCheck.warning(files(dir + "/*"), 13 * MB, 0).isPresent());
    assertFalse(DirectRunnerMemoryCheck.warning(files(dir + "/*"), 15 * MB, 0).isPresent());
  }

  @Test
  public void withABoundOnlyTheLinesReadAheadAndTheLargestCompressedFileCount() throws Exception {
    Path dir = tmp.newFolder("bounded").toPath();
    Files.write(dir.resolve("big.csv"), new byte[(int) (8 * MB)]);
    Files.write(dir.resolve("small.csv.gz"), new byte[(int) (MB / 2)]);
    Files.write(dir.resolve("large.csv.gz"), new byte[(int) MB]);
    // 1,000 lines ahead ~ 0.2 MB, plus the larger gzip file whole ~ 14 MB; the 8 MB CSV is read in
    // blocks and costs nothing more.
    assertFalse(DirectRunnerMemoryCheck.warning(files(dir + "/*"), 15 * MB, 1000).isPresent());
    Optional<String> warning = DirectRunnerMemoryCheck.warning(files(dir + "/*"), 14 * MB, 1000);
    assertTrue(warning.isPresent());
    assertThat(warning.get(), containsString("compressed file whole"));
    // Many lines ahead need heap of their own.
    assertTrue(DirectRunnerMemoryCheck.warning(files(dir + "/*"), 15 * MB, 10_000).isPresent());
  }

  @Test
  public void noInputOrUnreadableInputIsLeftToTheOptionsCheck() throws Exception {
    assertEquals(
        Optional.empty(),
        DirectRunnerMemoryCheck.warning(files(tmp.getRoot() + "/nothing/*.csv"), 1, 0));
  }
}
