package io.github.eec.pipeline.runners;

import io.github.eec.tools.verify.FileSystemSchemes;
import org.junit.Test;

/** The profile's class path has the {@code hdfs://} and {@code s3://} file systems. */
public class FileSystemSchemesTest {
  @Test
  public void hdfsAndS3PathsResolve() {
    FileSystemSchemes.check();
  }
}
