package io.github.eec.pipeline.merge;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Serializes the commits of merges into one table on a local disk. Iceberg's Hadoop catalog commits
 * by renaming the next metadata file into place; HDFS refuses to rename onto an existing file, but
 * a local file system replaces it, so two processes committing at once could lose one commit.
 * Holding an OS file lock around the commit closes that window; HDFS and the JDBC catalog need none
 * (they refuse the second commit themselves).
 */
final class CommitLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private CommitLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock when {@code stateDir} is on the local disk; otherwise a lock that holds nothing.
   */
  static CommitLock take(String stateDir, long timeoutMillis) throws IOException {
    if (stateDir.contains("://") && !stateDir.startsWith("file://")) {
      return new CommitLock(null, null);
    }
    Path dir = Paths.get(stateDir.replaceFirst("^file://", ""));
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(
            dir.resolve("commit.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another merge in this JVM
      }
      if (lock != null) {
        return new CommitLock(channel, lock);
      }
      if (System.nanoTime() > deadline) {
        channel.close();
        throw new IOException(
            "another merge has held the commit lock "
                + dir.resolve("commit.lock")
                + " for "
                + timeoutMillis / 1000
                + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        channel.close();
        throw new IOException("interrupted while waiting for the commit lock", e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (lock != null) {
      lock.release();
      channel.close();
    }
  }
}
