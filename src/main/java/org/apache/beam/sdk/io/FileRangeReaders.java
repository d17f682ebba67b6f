package org.apache.beam.sdk.io;

import java.io.IOException;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A reader of one byte range of one file, made as Beam's own {@code ReadAllViaFileBasedSource}
 * makes it. It lives in Beam's package because {@code FileBasedSource.createForSubrangeOfFile} is
 * protected, and the job's read ({@code io.github.eec.pipeline.parse.ReadLinesWithFileName}) reads
 * a range in blocks, each its own sub-range.
 */
public final class FileRangeReaders {
  private FileRangeReaders() {}

  /** A reader of the records of {@code source}'s format that start in {@code [from, to)}. */
  public static <T> BoundedSource.BoundedReader<T> of(
      FileBasedSource<T> source,
      MatchResult.Metadata file,
      long from,
      long to,
      PipelineOptions options)
      throws IOException {
    return source.createForSubrangeOfFile(file, from, to).createReader(options);
  }
}
