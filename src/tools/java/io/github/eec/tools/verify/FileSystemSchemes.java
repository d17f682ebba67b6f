package io.github.eec.tools.verify;

import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code --input} and {@code --output} may be {@code hdfs://} and {@code s3://} paths: Beam finds
 * those file systems through META-INF/services registrars, which the bundled jars must keep (else
 * "No filesystem found for scheme s3"). The test of each profile checks its class path; {@link
 * #main} checks a bundled jar (scripts/cluster-test.sh). Nothing is contacted.
 */
public final class FileSystemSchemes {
  /** The options each file system needs (README "File systems"); the values are examples. */
  static final String[] OPTIONS = {
    "--hdfsConfiguration=[{\"fs.defaultFS\":\"hdfs://127.0.0.1:8020\"}]", "--awsRegion=eu-west-1"
  };

  private FileSystemSchemes() {}

  /** Throws when a scheme has no file system: "No filesystem found for scheme ...". */
  public static void check() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.fromArgs(OPTIONS).create());
    for (String path :
        List.of(
            "hdfs://127.0.0.1:8020/data/readings/", "s3://bucket/readings/", "/tmp/readings/")) {
      ResourceId resource = FileSystems.matchNewResource(path, true);
      if (!resource.toString().endsWith(path)) {
        throw new AssertionError(path + " resolved to " + resource);
      }
    }
  }

  public static void main(String[] args) {
    check();
    System.out.println("hdfs://, s3:// and local paths resolve");
  }
}
