package io.github.eec.pipeline.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.FileBasedSource;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.ReadAllViaFileBasedSource;
import org.apache.beam.sdk.io.ReadAllViaFileBasedSourceTransform;
import org.apache.beam.sdk.io.TextSource;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads the lines of every file matching a glob as {@code (file, line)} pairs.
 *
 * <p>This is {@code TextIO.readFiles()} with the file name kept: the same {@link TextSource} (lines
 * split on LF, CR or CRLF; compression by extension; large uncompressed files split into ranges
 * read in parallel), through Beam's {@link ReadAllViaFileBasedSourceTransform}. The file name is
 * what lets every rejected line say where it came from, and a file that cannot be read (a truncated
 * gzip) fail the run with its name. Beam's {@code ReadAllViaFileBasedSourceWithFilename} does the
 * same reading but passes read errors on without the file.
 */
public class ReadLinesWithFileName extends PTransform<PBegin, PCollection<KV<String, String>>> {
  /**
   * Uncompressed files are read in ranges of this size, in parallel. Smaller than TextIO's 64 MB so
   * that a laptop-sized file keeps both cores of a DirectRunner busy, large enough that a range
   * still pre-combines hundreds of readings per meter-hour (BENCHMARKS.md).
   */
  private static final long DESIRED_BUNDLE_SIZE_BYTES = 16L * 1024 * 1024;

  private final String filePattern;
  private final List<MatchResult.Metadata> files;

  private ReadLinesWithFileName(String filePattern, List<MatchResult.Metadata> files) {
    this.filePattern = filePattern;
    this.files = files;
  }

  /** The files matching a glob, matched when the pipeline runs. */
  public static ReadLinesWithFileName from(String filePattern) {
    if (filePattern == null || filePattern.trim().isEmpty()) {
      throw new IllegalArgumentException("the input file pattern is empty");
    }
    return new ReadLinesWithFileName(filePattern, null);
  }

  /** Exactly these files (a merge reads the matched files it has not merged before). */
  public static ReadLinesWithFileName fromFiles(List<MatchResult.Metadata> files) {
    return new ReadLinesWithFileName(null, new ArrayList<>(files));
  }

  @Override
  public PCollection<KV<String, String>> expand(PBegin input) {
    PCollection<MatchResult.Metadata> matched =
        files == null
            ? input.apply("MatchFiles", FileIO.match().filepattern(filePattern))
            : input.apply("GivenFiles", Create.of(files).withCoder(MetadataCoderV2.of()));
    return matched.apply("OpenFiles", FileIO.readMatches()).apply("ReadLines", new ReadRanges());
  }

  /** Beam's split of each file into ranges (reshuffled), read by {@link ReadRangeFn}. */
  static final class ReadRanges
      extends ReadAllViaFileBasedSourceTransform<String, KV<String, String>> {
    ReadRanges() {
      super(
          DESIRED_BUNDLE_SIZE_BYTES,
          ReadLinesWithFileName::textSource,
          KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    }

    @Override
    protected DoFn<KV<FileIO.ReadableFile, OffsetRange>, KV<String, String>> readRangesFn() {
      return new ReadRangeFn();
    }
  }

  private static FileBasedSource<String> textSource(String file) {
    return new TextSource(StaticValueProvider.of(file), EmptyMatchTreatment.DISALLOW, null);
  }

  /**
   * Beam's own range reader (TextSource through CompressedSource), with the file's name in every
   * pair and in any failure ({@link UnreadableInputException}).
   */
  static final class ReadRangeFn
      extends ReadAllViaFileBasedSourceTransform.AbstractReadFileRangesFn<
          String, KV<String, String>> {
    ReadRangeFn() {
      super(
          ReadLinesWithFileName::textSource,
          new ReadAllViaFileBasedSource.ReadFileRangesFnExceptionHandler());
    }

    @Override
    protected KV<String, String> makeOutput(
        FileIO.ReadableFile file,
        OffsetRange range,
        FileBasedSource<String> source,
        BoundedSource.BoundedReader<String> reader) {
      return KV.of(file.getMetadata().resourceId().toString(), reader.getCurrent());
    }

    @Override
    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      try {
        super.process(c);
      } catch (IOException | RuntimeException e) {
        throw new UnreadableInputException(
            c.element().getKey().getMetadata().resourceId().toString(), e);
      }
    }
  }
}
