package io.github.eec.pipeline.runners;

import io.github.eec.pipeline.testing.EveryProfile;
import io.github.eec.tools.verify.FileSystemSchemes;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/** The profile's class path has the {@code hdfs://} and {@code s3://} file systems. */
@Category(EveryProfile.class)
public class FileSystemSchemesTest {
  @Test
  public void hdfsAndS3PathsResolve() {
    FileSystemSchemes.check();
  }
}
