package io.github.eec.pipeline.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.CompressedSource;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileBasedSource;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileRangeReaders;
import org.apache.beam.sdk.io.ReadAllViaFileBasedSourceTransform;
import org.apache.beam.sdk.io.TextSource;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Reads the lines of every file matching a glob as {@code (file, line)} pairs.
 *
 * <p>This is {@code TextIO.readFiles()} with the file name kept: the same {@link TextSource} (lines
 * split on LF, CR or CRLF; compression by extension; large uncompressed files split into ranges
 * read in parallel), through Beam's {@link ReadAllViaFileBasedSourceTransform}. The file name is
 * what lets every rejected line say where it came from, and a file that cannot be read (a truncated
 * gzip) fail the run with its name. Beam's {@code ReadAllViaFileBasedSourceWithFilename} does the
 * same reading but passes read errors on without the file.
 *
 * <p>Each range is read in blocks ({@link ReadBlocksFn}, a splittable DoFn whose positions are
 * blocks), so a runner that hands a step's output on only when it is complete (the DirectRunner)
 * gets one block at a time instead of a whole range, and can be held to a {@link ReadAhead} bound:
 * then a file is one range, read block after block as the parse step takes them.
 */
public class ReadLinesWithFileName extends PTransform<PBegin, PCollection<KV<String, String>>> {
  /**
   * Uncompressed files are read in ranges of this size, in parallel. Smaller than TextIO's 64 MB so
   * that a laptop-sized file keeps both cores busy, large enough that a range still pre-combines
   * hundreds of readings per meter-hour (BENCHMARKS.md).
   */
  private static final long DESIRED_BUNDLE_SIZE_BYTES = 16L * 1024 * 1024;

  /**
   * What the DirectRunner hands on at a time: large enough that a block pre-combines dozens of
   * readings per meter-hour, small enough that a few blocks in memory are a small heap.
   */
  static final long BLOCK_BYTES = 8L * 1024 * 1024;

  private final String filePattern;
  private final List<MatchResult.Metadata> files;
  private final ReadAhead readAhead;
  private final long blockBytes;

  private ReadLinesWithFileName(
      String filePattern, List<MatchResult.Metadata> files, ReadAhead readAhead, long blockBytes) {
    this.filePattern = filePattern;
    this.files = files;
    this.readAhead = readAhead;
    this.blockBytes = blockBytes;
  }

  /** The files matching a glob, matched when the pipeline runs. */
  public static ReadLinesWithFileName from(String filePattern) {
    if (filePattern == null || filePattern.trim().isEmpty()) {
      throw new IllegalArgumentException("the input file pattern is empty");
    }
    return new ReadLinesWithFileName(filePattern, null, ReadAhead.unbounded(), BLOCK_BYTES);
  }

  /** Exactly these files (a merge reads the matched files it has not merged before). */
  public static ReadLinesWithFileName fromFiles(List<MatchResult.Metadata> files) {
    return new ReadLinesWithFileName(
        null, new ArrayList<>(files), ReadAhead.unbounded(), BLOCK_BYTES);
  }

  /**
   * Read no further ahead of the parse step than {@code readAhead} allows; the parse step must
   * count the lines off ({@link ParseReadings#releasing} with the same bound). A bounded read takes
   * each file as one range: its blocks, not ranges, are what runs in parallel after it.
   */
  public ReadLinesWithFileName withReadAhead(ReadAhead readAhead) {
    if (readAhead == null) {
      throw new IllegalArgumentException("ReadLinesWithFileName needs a read-ahead, got null");
    }
    return new ReadLinesWithFileName(filePattern, files, readAhead, blockBytes);
  }

  /** Blocks of this many bytes instead of {@link #BLOCK_BYTES} (tests: lines across blocks). */
  ReadLinesWithFileName withBlockBytes(long blockBytes) {
    if (blockBytes <= 0) {
      throw new IllegalArgumentException("the block size must be positive: " + blockBytes);
    }
    return new ReadLinesWithFileName(filePattern, files, readAhead, blockBytes);
  }

  @Override
  public PCollection<KV<String, String>> expand(PBegin input) {
    PCollection<MatchResult.Metadata> matched =
        files == null
            ? input.apply("MatchFiles", FileIO.match().filepattern(filePattern))
            : input.apply("GivenFiles", Create.of(files).withCoder(MetadataCoderV2.of()));
    long rangeBytes = readAhead.isBounded() ? Long.MAX_VALUE : DESIRED_BUNDLE_SIZE_BYTES;
    return matched
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadLines", new ReadRanges(rangeBytes, new ReadBlocksFn(readAhead, blockBytes)));
  }

  /** Beam's split of each file into ranges (reshuffled), read by {@link ReadBlocksFn}. */
  static final class ReadRanges
      extends ReadAllViaFileBasedSourceTransform<String, KV<String, String>> {
    private final ReadBlocksFn readFn;

    ReadRanges(long rangeBytes, ReadBlocksFn readFn) {
      super(
          rangeBytes,
          ReadLinesWithFileName::textSource,
          KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
      this.readFn = readFn;
    }

    @Override
    protected DoFn<KV<FileIO.ReadableFile, OffsetRange>, KV<String, String>> readRangesFn() {
      return readFn;
    }
  }

  private static FileBasedSource<String> textSource(String file) {
    return new TextSource(StaticValueProvider.of(file), EmptyMatchTreatment.DISALLOW, null);
  }

  /**
   * Reads a range's lines block by block with Beam's own reader (TextSource through
   * CompressedSource, as {@code ReadAllViaFileBasedSource} does), the file's name in every pair and
   * in any failure ({@link UnreadableInputException}).
   *
   * <p>The restriction is the range's block numbers: block {@code k} is the lines that start in
   * bytes {@code [from + k * blockBytes, from + (k + 1) * blockBytes)}, read by a reader of that
   * sub-range, which is how Beam splits text files between ranges too, so every line is in exactly
   * one block. A compressed file cannot be entered mid-way: it is one block. Positions are blocks,
   * not lines, so a runner that checkpoints a splittable DoFn after a few outputs (the
   * DirectRunner, after 100) does so at a block's end, not after 100 lines.
   */
  @DoFn.BoundedPerElement
  static final class ReadBlocksFn
      extends DoFn<KV<FileIO.ReadableFile, OffsetRange>, KV<String, String>> {
    /** How long a read at its bound waits before it looks again. */
    private static final Duration WAIT = Duration.millis(50);

    private final ReadAhead readAhead;
    private final long blockBytes;

    ReadBlocksFn(ReadAhead readAhead, long blockBytes) {
      this.readAhead = readAhead;
      this.blockBytes = blockBytes;
    }

    @GetInitialRestriction
    public OffsetRange blocks(@Element KV<FileIO.ReadableFile, OffsetRange> range) {
      long bytes = range.getValue().getTo() - range.getValue().getFrom();
      if (!splittable(range.getKey())) {
        return new OffsetRange(0, 1);
      }
      return new OffsetRange(0, (bytes + blockBytes - 1) / blockBytes);
    }

    @GetRestrictionCoder
    public Coder<OffsetRange> restrictionCoder() {
      return OffsetRange.Coder.of();
    }

    @ProcessElement
    public ProcessContinuation process(
        @Element KV<FileIO.ReadableFile, OffsetRange> range,
        RestrictionTracker<OffsetRange, Long> blocks,
        OutputReceiver<KV<String, String>> out,
        PipelineOptions options) {
      FileIO.ReadableFile file = range.getKey();
      String name = file.getMetadata().resourceId().toString();
      try {
        FileBasedSource<String> source =
            CompressedSource.from(textSource(name)).withCompression(file.getCompression());
        boolean splittable = splittable(file);
        for (long block = blocks.currentRestriction().getFrom(); ; block++) {
          if (readAhead.isFull()) {
            return ProcessContinuation.resume().withResumeDelay(WAIT);
          }
          if (!blocks.tryClaim(block)) {
            return ProcessContinuation.stop();
          }
          long from = range.getValue().getFrom();
          long to = range.getValue().getTo();
          if (splittable) {
            from += block * blockBytes;
            to = Math.min(to, from + blockBytes);
          }
          long lines = 0;
          try (BoundedSource.BoundedReader<String> reader =
              FileRangeReaders.of(source, file.getMetadata(), from, to, options)) {
            for (boolean more = reader.start(); more; more = reader.advance()) {
              out.output(KV.of(name, reader.getCurrent()));
              lines++;
            }
          }
          readAhead.read(lines);
        }
      } catch (IOException | RuntimeException e) {
        throw new UnreadableInputException(name, e);
      }
    }

    private static boolean splittable(FileIO.ReadableFile file) {
      return file.getCompression() == Compression.UNCOMPRESSED
          && file.getMetadata().isReadSeekEfficient();
    }
  }
}
