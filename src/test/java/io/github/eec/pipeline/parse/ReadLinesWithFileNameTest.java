package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.testing.EveryProfile;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The read in blocks: every line exactly once, whatever the block size and however lines fall
 * across block ends (LF, CRLF, empty lines, a line longer than a block), compressed files whole,
 * and a bounded read-ahead that finishes with every line counted off.
 */
@RunWith(JUnit4.class)
@Category(EveryProfile.class)
public class ReadLinesWithFileNameTest implements Serializable {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  /** Lines of varied lengths, some longer than the small blocks below, one empty. */
  private static List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add(i == 17 ? "" : "line-" + i + "-" + "x".repeat(i % 23));
    }
    return lines;
  }

  private File write(String name, String separator, boolean gzip) throws IOException {
    File file = new File(tmp.getRoot(), name);
    try (OutputStream raw = new FileOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
      out.write((String.join(separator, lines()) + separator).getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static List<KV<String, String>> pairs(File file) {
    List<KV<String, String>> pairs = new ArrayList<>();
    for (String line : lines()) {
      pairs.add(KV.of(file.getAbsolutePath(), line));
    }
    return pairs;
  }

  @Test
  public void everyLineOnceWhateverTheBlockSize() throws IOException {
    File lf = write("lf.csv", "\n", false);
    File crlf = write("crlf.csv", "\r\n", false);
    File gz = write("lines.csv.gz", "\n", true);
    List<KV<String, String>> expected = new ArrayList<>(pairs(lf));
    expected.addAll(pairs(crlf));
    expected.addAll(pairs(gz));
    long[] blockSizes = {1, 7, 40, 1 << 20};
    for (long blockBytes : blockSizes) {
      PCollection<KV<String, String>> read =
          p.apply(
              "Read" + blockBytes,
              ReadLinesWithFileName.from(tmp.getRoot() + "/*").withBlockBytes(blockBytes));
      PAssert.that("blocks of " + blockBytes + " bytes", read).containsInAnyOrder(expected);
    }
    p.run().waitUntilFinish();
  }

  @Test
  public void aBoundedReadFinishesWithEveryLineParsedAndCountedOff() throws IOException {
    File readings = new File(tmp.getRoot(), "readings.csv");
    StringBuilder csv = new StringBuilder("meter,time,energy,power\n");
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      csv.append(
          String.format(
              "MTR-%d,2024-01-%02dT%02d:%02d:%02dZ,%d,500%n",
              i % 7, 1 + i / 86400, i / 3600 % 24, i / 60 % 60, i % 60, 1000 + i));
    }
    Files.write(readings.toPath(), csv.toString().getBytes(StandardCharsets.UTF_8));
    // The smallest bound, a third of the file's lines, and blocks of about 100 lines: the read
    // must wait for the parse step many times over, and still end. The job bounds the
    // DirectRunner only (HourlyMetricsPipeline); elsewhere the same steps run unbounded.
    boolean direct = p.getOptions().getRunner().getSimpleName().equals("DirectRunner");
    ReadAhead readAhead = direct ? ReadAhead.ofLines(ReadAhead.MIN_LINES) : ReadAhead.unbounded();
    PCollection<Long> readingsCounted =
        p.apply(
                ReadLinesWithFileName.from(readings.getPath())
                    .withReadAhead(readAhead)
                    .withBlockBytes(4096))
            .apply(ParseReadings.create().releasing(readAhead))
            .get(ParseReadings.ACCUMULATORS)
            .apply(
                MapElements.into(TypeDescriptors.longs())
                    .via((KV<String, HourlyAccumulator> kv) -> kv.getValue().count()))
            .apply(Combine.globally(Sum.ofLongs()));
    PAssert.thatSingleton(readingsCounted).isEqualTo((long) n);
    p.run().waitUntilFinish();
    assertEquals(0, readAhead.linesInFlight());
  }
}
