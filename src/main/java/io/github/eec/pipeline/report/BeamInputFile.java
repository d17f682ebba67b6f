package io.github.eec.pipeline.report;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file read through Beam's file systems, so the report reads its rows wherever the job
 * wrote them (local, {@code hdfs://}, {@code s3://}) without a Hadoop file system of its own.
 * Beam's ParquetIO has the same adapter, but not as public API.
 */
final class BeamInputFile implements InputFile {
  private final ResourceId resource;
  private final long length;

  BeamInputFile(MatchResult.Metadata file) {
    this.resource = file.resourceId();
    this.length = file.sizeBytes();
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    ReadableByteChannel channel = FileSystems.open(resource);
    if (!(channel instanceof SeekableByteChannel)) {
      channel.close();
      throw new IOException(resource + " cannot be read at random positions");
    }
    SeekableByteChannel seekable = (SeekableByteChannel) channel;
    return new DelegatingSeekableInputStream(Channels.newInputStream(seekable)) {
      @Override
      public long getPos() throws IOException {
        return seekable.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        seekable.position(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return resource.toString();
  }
}
