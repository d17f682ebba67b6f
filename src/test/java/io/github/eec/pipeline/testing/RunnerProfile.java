package io.github.eec.pipeline.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The options of a way of running the job ({@code runner-profiles/WAY.args}), as {@code
 * scripts/run} reads them: it is the one reader of those files, so tests ask it ({@code scripts/run
 * --options}).
 */
public final class RunnerProfile {
  private RunnerProfile() {}

  /**
   * The options of {@code way}, with {@code overrides} replacing the file's option of the same
   * name.
   */
  public static List<String> options(String way, List<String> overrides)
      throws IOException, InterruptedException {
    Path project = Paths.get(System.getProperty("project.dir", "")).toAbsolutePath();
    List<String> command =
        new ArrayList<>(List.of(project.resolve("scripts/run").toString(), "--options", way));
    command.addAll(overrides);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("scripts/run --options " + way + " failed");
    }
    return new ArrayList<>(out.lines().filter(l -> !l.isBlank()).toList());
  }
}
