package io.github.eec.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.testing.CommandLineRun;
import io.github.eec.pipeline.testing.Jobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every run writes its report where the README says, plain and merge, refused or not; {@code
 * --report=false} writes none; a report that cannot be written never fails the run.
 */
public class RunReportTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path in;
  private Path output;
  private String stdout;
  private String stderr;

  @Before
  public void twoFeeds() throws IOException {
    in = tmp.newFolder("in").toPath();
    StringBuilder a = new StringBuilder("meter,time,energy,power\n");
    for (int m = 0; m < 180; m += 15) {
      a.append(String.format("A,2024-03-01 %02d:%02d,%d,5%n", m / 60 + 10, m % 60, 100 + m));
    }
    a.append("A,2024-03-01 15:00,bad,5\n");
    Files.writeString(in.resolve("a.csv"), a);
    Files.writeString(
        in.resolve("b.csv"),
        "B,2024-03-01 10:00,1,1\nB,2024-03-01 11:00,3,1\nB,2024-03-02 11:00,9,1\nnot a line\n");
    output = tmp.getRoot().toPath().resolve("out");
  }

  private int run(String... args) {
    CommandLineRun r = CommandLineRun.of(args);
    stdout = r.stdout;
    stderr = r.stderr;
    return r.code;
  }

  private String[] args(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--input=" + in + "/*", "--output=" + output, "--runner=DirectRunner"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  public void countsLinesReadAndRejectedPerInputFile() throws Exception {
    RunSummary summary = Jobs.run(in + "/*", output, "--maxRejectedFraction=1");
    Map<String, Long> read = summary.byFile(CounterNames.LINES_READ_IN);
    Map<String, Long> rejected = summary.byFile(CounterNames.LINES_REJECTED_IN);
    assertEquals(Map.of(in + "/a.csv", 14L, in + "/b.csv", 4L), read);
    assertEquals(Map.of(in + "/a.csv", 1L, in + "/b.csv", 1L), rejected);
    assertEquals(
        summary.get(CounterNames.LINES_READ),
        read.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  public void aPlainRunWritesItsReportNextToItsResults() throws Exception {
    assertEquals(stderr, ExitCode.DONE, run(args("--maxRejectedFraction=0.5")));
    Path report = output.resolve("report.html");
    assertTrue(Files.exists(report));
    assertThat(stdout, containsString("report                 " + report));
    String page = Files.readString(report);
    for (String part :
        List.of(
            "id=\"run\"",
            "id=\"rejects\"",
            "id=\"load\"",
            "id=\"coverage\"",
            "id=\"consumption\"",
            "id=\"load-by-region\"",
            "data-chart=\"rejectsByReason\"",
            "data-chart=\"loadByHour\"",
            "data-chart=\"coverage\"",
            "data-chart=\"energyHistogram\"",
            "Published: ",
            "a.csv",
            "BAD_ENERGY",
            "A,2024-03-01 15:00,bad,5")) {
      assertThat(part, page, containsString(part));
    }
    // Self-contained: no link, script or style from anywhere else.
    assertThat(page, not(containsString("src=\"http")));
    assertThat(page, not(containsString("href=\"http")));
    assertThat(page, not(containsString("<link")));
    assertThat(page, containsString("Content-Security-Policy"));
  }

  @Test
  public void withARegistryTheLoadIsDrawnPerRegionInPlainRunsAndMerges() throws Exception {
    Path registry = tmp.getRoot().toPath().resolve("registry.csv");
    Files.writeString(registry, "meter,region,time_zone\nA,north<&>,Europe/Berlin\n");
    String[] rollUps = {
      "--meterRegistry=" + registry, "--fillGaps=true", "--maxRejectedFraction=1"
    };
    assertEquals(stderr, ExitCode.DONE, run(args(rollUps)));
    String page = Files.readString(output.resolve("report.html"));
    assertThat(page, containsString("data-chart=\"loadByRegion\""));
    assertThat(page, containsString("north\\u003c\\u0026\\u003e"));
    assertThat(page, containsString(RegionalLoad.UNLISTED)); // B
    assertThat(page, not(containsString("north<&>")));

    Path merged = tmp.getRoot().toPath().resolve("merged");
    List<String> merge =
        new java.util.ArrayList<>(
            List.of(
                "--input=" + in + "/*",
                "--output=" + merged,
                "--merge=true",
                "--runner=DirectRunner"));
    merge.addAll(List.of(rollUps));
    assertEquals(stderr, ExitCode.DONE, run(merge.toArray(new String[0])));
    page = Files.readString(merged.resolve("report.html"));
    assertThat(page, containsString("data-chart=\"loadByRegion\""));
    assertThat(page, containsString(RegionalLoad.UNLISTED));
  }

  @Test
  public void reportFalseWritesNoneAndRemovesTheOlderOne() throws Exception {
    assertEquals(stderr, ExitCode.DONE, run(args("--maxRejectedFraction=0.5")));
    assertTrue(Files.exists(output.resolve("report.html")));
    assertEquals(
        stderr,
        ExitCode.DONE,
        run(args("--maxRejectedFraction=0.5", "--overwrite=true", "--report=false")));
    assertFalse(Files.exists(output.resolve("report.html")));
    assertThat(stdout, not(containsString("report ")));
  }

  @Test
  public void aReportThatCannotBeWrittenIsAWarningNotAFailure() throws Exception {
    Files.createDirectories(output.resolve("report.html/in-the-way"));
    assertEquals(stderr, ExitCode.DONE, run(args("--maxRejectedFraction=0.5")));
    assertThat(stderr, containsString("warning: no run report was written"));
    assertTrue(Files.exists(output.resolve("_SUCCESS")));
    assertThat(stdout, containsString("hourly rows written"));
  }

  @Test
  public void aRefusedRunKeepsItsReportWithItsRejects() throws Exception {
    assertEquals(ExitCode.TOO_MANY_REJECTS, run(args("--maxRejectedFraction=0.01")));
    assertFalse(Files.exists(output.resolve("report.html")));
    Path staging;
    try (Stream<Path> s = Files.list(output)) {
      staging = s.filter(p -> p.getFileName().toString().startsWith("_staging-")).findFirst().get();
    }
    Path report = staging.resolve("report.html");
    assertThat(stderr, containsString("the run report in " + report));
    String page = Files.readString(report);
    assertThat(page, containsString("Nothing was published"));
    assertThat(page, containsString("not a line"));
  }

  @Test
  public void everyMergeKeepsItsReportAndTheLatestIsReportHtml() throws Exception {
    Path day1 = tmp.newFolder("day1").toPath();
    Files.copy(in.resolve("a.csv"), day1.resolve("a.csv"));
    String[] merge1 =
        new String[] {
          "--input=" + day1 + "/*",
          "--output=" + output,
          "--merge=true",
          "--runner=DirectRunner",
          "--maxRejectedFraction=1"
        };
    assertEquals(stderr, ExitCode.DONE, run(merge1));
    assertTrue(Files.exists(output.resolve("report.html")));
    assertEquals(1, reports().size());
    String first = Files.readString(output.resolve("report.html"));
    assertEquals(first, Files.readString(reports().get(0)));
    assertThat(first, containsString("Merged: "));
    assertThat(first, containsString("days rewritten"));

    // All merged before: a report of its own, and report.html stays the last merge's.
    assertEquals(stderr, ExitCode.DONE, run(merge1));
    assertEquals(2, reports().size());
    assertEquals(first, Files.readString(output.resolve("report.html")));
    String again = Files.readString(reports().get(1));
    assertThat(again, containsString("Nothing was merged"));

    assertEquals(
        stderr,
        ExitCode.DONE,
        run(
            "--input=" + in + "/*",
            "--output=" + output,
            "--merge=true",
            "--runner=DirectRunner",
            "--maxRejectedFraction=1"));
    assertEquals(3, reports().size());
    String latest = Files.readString(output.resolve("report.html"));
    assertThat(latest, containsString("b.csv"));
    assertThat(latest, containsString("not a line"));
  }

  private List<Path> reports() throws IOException {
    try (Stream<Path> s = Files.list(output.resolve("reports"))) {
      return s.sorted().collect(Collectors.toList());
    }
  }
}
