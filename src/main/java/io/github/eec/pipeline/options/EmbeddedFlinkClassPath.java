package io.github.eec.pipeline.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets Flink's embedded cluster run inside a class loader that is not the JVM's (exec:java: the job
 * in Maven's JVM, whose system class path holds only Maven). For a job that lists no jars and no
 * class path, Flink's JobManager deserializes the job with {@code
 * ClassLoader.getSystemClassLoader()} (BlobLibraryCacheManager.LibraryCacheEntry
 * #getOrResolveClassLoader): there, {@code ClassNotFoundException: ...ExecutionConfig}. One entry
 * in {@code pipeline.classpaths} (an empty folder) makes it build a user-code class loader whose
 * parent is Flink's own instead. The job gets it through a {@code --flinkConfDir} of its own: the
 * given one (or FLINK_CONF_DIR) plus that line.
 */
public final class EmbeddedFlinkClassPath {
  private static final String PROBE = "org/apache/flink/api/common/ExecutionConfig.class";

  private EmbeddedFlinkClassPath() {}

  /** FlinkRunner on the embedded cluster, with Flink loaded by a class loader the JVM's lacks. */
  static boolean needed(String runner, String[] args) {
    String master = value(args, "--flinkMaster");
    boolean embedded = master == null || master.equals("[local]") || master.equals("[auto]");
    return runner.equals("FlinkRunner")
        && embedded
        && EmbeddedFlinkClassPath.class.getClassLoader().getResource(PROBE) != null
        && ClassLoader.getSystemClassLoader().getResource(PROBE) == null;
  }

  /** {@code args} with {@code --flinkConfDir} replaced by a copy that adds pipeline.classpaths. */
  static String[] withClassPath(String[] args) throws IOException {
    String given = value(args, "--flinkConfDir");
    if (given == null) {
      given = System.getenv("FLINK_CONF_DIR");
    }
    String name = "flink-conf.yaml"; // what Flink reads first; then config.yaml
    String conf = "";
    if (given != null && !given.isEmpty()) {
      Path legacy = Paths.get(given, "flink-conf.yaml");
      Path standard = Paths.get(given, "config.yaml");
      if (Files.exists(legacy)) {
        conf = Files.readString(legacy);
      } else if (Files.exists(standard)) {
        name = "config.yaml";
        conf = Files.readString(standard);
      }
    }
    Path dir = Files.createTempDirectory("eec-flink-conf");
    Path empty = Files.createDirectory(dir.resolve("empty-classpath"));
    Path file =
        Files.writeString(
            dir.resolve(name), conf + "\npipeline.classpaths: " + empty.toUri() + "\n");
    for (Path p : new Path[] {dir, empty, file}) {
      p.toFile().deleteOnExit(); // deleted in reverse order: file, folder, dir
    }
    List<String> out = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("--flinkConfDir=")) {
        out.add(a);
      }
    }
    out.add("--flinkConfDir=" + dir.toAbsolutePath());
    return out.toArray(new String[0]);
  }

  private static String value(String[] args, String option) {
    String v = null;
    for (String a : args) {
      if (a.startsWith(option + "=")) {
        v = a.substring(option.length() + 1);
      }
    }
    return v;
  }
}
