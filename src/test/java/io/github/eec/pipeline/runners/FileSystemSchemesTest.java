package io.github.eec.pipeline.runners;

import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/**
 * {@code --input} and {@code --output} may be {@code hdfs://} and {@code s3://} paths under every
 * profile: Beam finds those file systems through META-INF/services registrars, which the bundled
 * jars must keep (else "No filesystem found for scheme s3"). scripts/cluster-test.sh runs {@link
 * #main} against each bundled jar; the test checks the profile's class path. Nothing is contacted.
 */
public class FileSystemSchemesTest {
  /** The options each file system needs (see docs/runners.md); the values are examples. */
  static final String[] OPTIONS = {
    "--hdfsConfiguration=[{\"fs.defaultFS\":\"hdfs://127.0.0.1:8020\"}]", "--awsRegion=eu-west-1"
  };

  static void check() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.fromArgs(OPTIONS).create());
    for (String path : List.of("hdfs://127.0.0.1:8020/data/readings/", "s3://bucket/readings/", "/tmp/readings/")) {
      // Throws IllegalArgumentException "No filesystem found for scheme ..." when one is missing.
      ResourceId resource = FileSystems.matchNewResource(path, true);
      if (!resource.toString().endsWith(path)) {
        throw new AssertionError(path + " resolved to " + resource);
      }
    }
  }

  @Test
  public void hdfsAndS3PathsResolve() {
    check();
  }

  public static void main(String[] args) {
    check();
    System.out.println("hdfs://, s3:// and local paths resolve");
  }
}
