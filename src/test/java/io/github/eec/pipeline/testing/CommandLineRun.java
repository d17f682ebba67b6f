package io.github.eec.pipeline.testing;

import io.github.eec.pipeline.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command line run in-process as {@code main} runs it, with its exit code and what it printed.
 */
public final class CommandLineRun {
  public final int code;
  public final String stdout;
  public final String stderr;

  private CommandLineRun(int code, String stdout, String stderr) {
    this.code = code;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static CommandLineRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CommandLine.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLineRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
