package io.github.eec.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.testing.CommandLineRun;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.options.Description;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a user sees from the command line: help, one-line option errors, exit codes, published
 * output.
 */
public class CommandLineTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path input;
  private Path output;
  private String stdout;
  private String stderr;

  @Before
  public void sample() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    input = in.resolve("a.csv");
    Files.writeString(
        input, "meter,time,energy,power\nA,2024-03-01 14:00,1,1\nA,2024-03-01 14:30,3,2\n");
    output = tmp.getRoot().toPath().resolve("out");
  }

  private int run(String... args) {
    CommandLineRun r = CommandLineRun.of(args);
    stdout = r.stdout;
    stderr = r.stderr;
    return r.code;
  }

  private void assertOptionError(String option, String... args) {
    assertEquals(stderr, ExitCode.BAD_OPTIONS, run(args));
    String first = stderr.lines().findFirst().orElse("");
    assertThat(first, containsString(option));
    assertThat(stderr, not(containsString("\tat "))); // no stack trace for a user error
    assertFalse("nothing may be published", Files.exists(output.resolve("hourly")));
  }

  @Test
  public void helpListsEveryOptionWithItsDescription() throws Exception {
    assertEquals(0, run("--help"));
    for (Method m : HourlyMetricsOptions.class.getDeclaredMethods()) {
      if (m.getName().startsWith("get") || m.getName().startsWith("is")) {
        String name =
            m.getName().startsWith("get") ? m.getName().substring(3) : m.getName().substring(2);
        name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        assertThat(stdout, containsString("--" + name));
        String description = m.getAnnotation(Description.class).value();
        assertThat(stdout.replaceAll("\\s+", " "), containsString(description.substring(0, 30)));
      }
    }
    assertThat(stdout, containsString("Default: UTC"));
  }

  @Test
  public void badOptionsFailFastWithOneLine() {
    String in = "--input=" + input;
    String out = "--output=" + output;
    assertOptionError("--input", out);
    assertOptionError("--input", "--input=", out);
    assertOptionError("--input", "--input=" + tmp.getRoot() + "/nothing-here/*.csv", out);
    assertOptionError("--output", in, "--output=/proc/forbidden/out");
    assertOptionError("--timeZone", in, out, "--timeZone=Mars/Olympus");
    assertOptionError("--numShards", in, out, "--numShards=0");
    assertOptionError("--meterGroups", in, out, "--meterGroups=0");
    assertOptionError("--readAheadLines", in, out, "--readAheadLines=100");
    assertOptionError("--maxRejectedFraction", in, out, "--maxRejectedFraction=1.5");
    assertOptionError("--earliestTime", in, out, "--earliestTime=yesterday");
    assertOptionError("NoSuchRunner", in, out, "--runner=NoSuchRunner");
    assertOptionError("noSuchOption", in, out, "--noSuchOption=1");
    assertOptionError("numShards", in, out, "--numShards=many");
  }

  @Test
  public void rerunOverPublishedResultsIsAnOptionError() {
    assertEquals(stderr, 0, run("--input=" + input, "--output=" + output));
    assertEquals(ExitCode.BAD_OPTIONS, run("--input=" + input, "--output=" + output));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("--overwrite=true"));
    assertThat(stderr, not(containsString("\tat ")));
  }

  @Test
  public void failureWhileRunningIsExitOneWithTheCauseAndPublishesNothing() throws Exception {
    // Passes every check before the start (the file exists), fails only when read: a gzip file cut
    // in half ends in the middle of its compressed stream. (A .gz that is not gzip at all is read
    // as plain text by Beam, so it would not fail.)
    StringBuilder lines = new StringBuilder("meter,time,energy,power\n");
    for (int i = 0; i < 5000; i++) {
      lines
          .append("M")
          .append(i % 7)
          .append(",2024-03-01 14:")
          .append(String.format("%02d", i % 60))
          .append(",")
          .append(i)
          .append(",1\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
      zip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path broken = input.resolveSibling("b.csv.gz");
    Files.write(broken, Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
    assertEquals(stderr, ExitCode.FAILED, run("--input=" + broken, "--output=" + output));
    // One line that says what failed and names the file; the stack trace only when asked for.
    String first = stderr.lines().findFirst().orElse("");
    assertThat(first, containsString("error: the run failed: cannot read input file "));
    assertThat(first, containsString(broken.toString()));
    assertThat(first, containsString("EOFException"));
    assertThat(stderr, not(containsString("\tat ")));
    assertThat(stderr, containsString("--verbose=true"));
    assertFalse("nothing may be published", Files.exists(output.resolve("_SUCCESS")));
    assertFalse(Files.exists(output.resolve("hourly")));
    assertEquals(0, stagingFolders());

    assertEquals(
        stderr, ExitCode.FAILED, run("--input=" + broken, "--output=" + output, "--verbose=true"));
    assertThat(stderr, containsString("\tat ")); // asked for: the stack trace
  }

  @Test
  public void successfulRunPublishesResultsAndSummary() {
    assertEquals(stderr, 0, run("--input=" + input, "--output=" + output));
    assertThat(stdout, containsString("lines read"));
    assertThat(stdout, containsString("readings accepted"));
    assertThat(stdout, containsString("hourly rows written"));
    assertThat(stdout, containsString(output.resolve("hourly").toString()));
    assertTrue(Files.exists(output.resolve("_SUCCESS")));
    assertTrue(Files.isDirectory(output.resolve("rejects")));
    assertEquals(0, stagingFolders());
  }

  @Test
  public void tooManyRejectsFailsAndPublishesNothing() throws Exception {
    Files.writeString(input, "A,2024-03-01 14:00,1,1\nbad\nworse\n");
    assertEquals(ExitCode.TOO_MANY_REJECTS, run("--input=" + input, "--output=" + output));
    assertThat(stderr, containsString("--maxRejectedFraction"));
    assertFalse(Files.exists(output.resolve("hourly")));
    assertFalse(Files.exists(output.resolve("_SUCCESS")));
    assertEquals(1, stagingFolders()); // kept: the message points at its rejects
  }

  private long stagingFolders() {
    try (Stream<Path> s = Files.list(output)) {
      return s.filter(p -> p.getFileName().toString().startsWith("_staging-")).count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
