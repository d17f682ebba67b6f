package io.github.eec.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The page does not grow with the number of meters: the published output of 10,000 meters over two
 * days gives a report under {@link #MAX_REPORT_BYTES}, read and built in seconds. ReportBrowserTest
 * opens such a page in Chromium.
 */
public class RunReportSizeTest {
  /** The size the report of 10,000 meters must stay under. */
  static final long MAX_REPORT_BYTES = 5L * 1024 * 1024;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void tenThousandMetersStayUnderTheLimit() throws Exception {
    Path output = tmp.getRoot().toPath().resolve("out");
    RunRecord run = SyntheticRun.write(output, 10_000, 48);
    long t0 = System.nanoTime();
    assertEquals(output.resolve("report.html").toString(), RunReport.write(run, System.err));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    long bytes = Files.size(output.resolve("report.html"));
    System.out.printf(
        "report of 10,000 meters: %,d bytes, read and built in %,d ms%n", bytes, millis);
    assertThat(bytes, lessThan(MAX_REPORT_BYTES));
    assertThat(millis, lessThan(10_000L));
    String page = Files.readString(output.resolve("report.html"));
    assertThat(page, containsString("all 10,000 meters"));
    assertThat(page, containsString("the 40 worst covered are shown"));
    assertThat(page, containsString("meter-hour has more energy than"));
  }
}
