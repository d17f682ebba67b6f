package io.github.eec.pipeline.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.testing.CommandLineRun;
import org.joda.time.Duration;
import org.junit.Test;

/** The streaming job's command line: --help, one-line refusals before anything starts. */
public class StreamingCommandLineTest {
  private String stdout;
  private String stderr;

  private int run(String... args) {
    CommandLineRun r = CommandLineRun.of(args);
    stdout = r.stdout;
    stderr = r.stderr;
    return r.code;
  }

  @Test
  public void helpListsTheStreamingOptions() {
    assertEquals(ExitCode.DONE, run("--help"));
    for (String option :
        new String[] {
          "--inputTopic",
          "--bootstrapServers",
          "--maxOutOfOrderness",
          "--allowedLateness",
          "--gapTimeout",
          "--stopAfterIdleSeconds",
          "--consumerProperties"
        }) {
      assertThat(stdout, containsString(option));
    }
    assertThat(stdout, containsString("--input=")); // the batch options too
  }

  @Test
  public void sparkRunnerIsRefusedInOneLine() {
    int code =
        run(
            "--inputTopic=t",
            "--bootstrapServers=127.0.0.1:1",
            "--output=/tmp/never-written",
            "--runner=SparkRunner");
    assertEquals(ExitCode.BAD_OPTIONS, code);
    assertThat(stderr, containsString("error: "));
    assertEquals(stderr, 2, stderr.split("\n").length); // the error and "Run with --help"
  }

  @Test
  public void badDurationNamesItsOption() {
    int code =
        run(
            "--inputTopic=t",
            "--bootstrapServers=127.0.0.1:1",
            "--output=/tmp/never-written",
            "--gapTimeout=soon");
    assertEquals(ExitCode.BAD_OPTIONS, code);
    assertThat(stderr, containsString("--gapTimeout: 'soon' is not a duration"));
  }

  @Test
  public void missingBootstrapServersIsRefused() {
    assertEquals(ExitCode.BAD_OPTIONS, run("--inputTopic=t", "--output=/tmp/never-written"));
    assertThat(stderr, containsString("bootstrapServers"));
  }

  @Test
  public void durations() {
    assertEquals(Duration.millis(500), StreamDurations.parse("x", "500ms"));
    assertEquals(Duration.standardSeconds(90), StreamDurations.parse("x", "90s"));
    assertEquals(Duration.standardMinutes(2), StreamDurations.parse("x", "2m"));
    assertEquals(Duration.standardHours(1), StreamDurations.parse("x", "1h"));
    assertEquals(Duration.standardMinutes(2), StreamDurations.parse("x", "PT2M"));
    assertEquals(Duration.ZERO, StreamDurations.parse("x", "0"));
  }
}
