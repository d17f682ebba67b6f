package io.github.eec.pipeline.merge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * SHA-256 of input files, read through Beam's file systems (local, hdfs://, s3://), a few at once.
 */
public final class FileChecksums {
  private FileChecksums() {}

  /** The hex SHA-256 of each file, in order. */
  public static List<String> sha256(List<MatchResult.Metadata> files, int threads) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())));
    try {
      List<Future<String>> sums = new ArrayList<>();
      for (MatchResult.Metadata f : files) {
        sums.add(pool.submit(() -> sha256(f)));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> s : sums) {
        out.add(s.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException
          ? (UncheckedIOException) e.getCause()
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing checksums", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String sha256(MatchResult.Metadata file) {
    try (ReadableByteChannel in = FileSystems.open(file.resourceId())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
      while (in.read(buffer) >= 0) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.resourceId() + " for its checksum", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
