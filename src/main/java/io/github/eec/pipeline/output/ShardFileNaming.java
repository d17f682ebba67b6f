package io.github.eec.pipeline.output;

import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;

/**
 * Names {@code PREFIX-SSSSS-of-NNNNN.SUFFIX}. Output is written in the global window with a fixed
 * shard count, so shard index and count identify a file uniquely; Beam's default naming would add
 * window bounds with {@code :} in them, which Hadoop-based readers reject.
 */
final class ShardFileNaming implements FileIO.Write.FileNaming {
  private final String prefix;
  private final String suffix;

  ShardFileNaming(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix;
  }

  @Override
  public String getFilename(
      BoundedWindow window, PaneInfo pane, int numShards, int shardIndex, Compression compression) {
    if (!(window instanceof GlobalWindow)) {
      throw new IllegalStateException("output is expected in the global window, got " + window);
    }
    // Batch runs fire once; a later pane (never expected) must not overwrite the first one's files.
    String paneTag = pane.getIndex() > 0 ? "-pane" + pane.getIndex() : "";
    return String.format("%s%s-%05d-of-%05d%s", prefix, paneTag, shardIndex, numShards, suffix);
  }
}
