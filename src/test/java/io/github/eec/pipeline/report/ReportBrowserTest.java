package io.github.eec.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.testing.HeadlessChromium;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.pipeline.testing.NeedsBrowser;
import io.github.eec.tools.generator.ExpectedHour;
import io.github.eec.tools.generator.FaultCounts;
import io.github.eec.tools.generator.GroundTruthCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * The run report in a real headless Chromium: the committed sample's page loads with no console
 * error and no request to the network, draws every chart with the number of data points the
 * sample's ground truth gives, and shows hostile input (script tags, quotes) as text; the output of
 * 10,000 meters gives a page under {@link RunReportSizeTest#MAX_REPORT_BYTES} that opens quickly.
 * Keeps the pages and a screenshot of the sample's report in {@code target/report-browser/}.
 */
@Category(NeedsBrowser.class)
public class ReportBrowserTest {
  /** The time the report of 10,000 meters may take to open and draw (a loaded CI machine). */
  static final long MAX_OPEN_MILLIS = 5_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PROJECT =
      Paths.get(System.getProperty("project.dir", "")).toAbsolutePath();
  private static final Path OUT = PROJECT.resolve("target/report-browser");

  private static HeadlessChromium browser;

  @BeforeClass
  public static void startBrowser() throws Exception {
    Path chromium =
        HeadlessChromium.executable()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no chromium on the PATH: install Debian's (apt-get install -y chromium), as"
                            + " scripts/verify.sh does, or pass -Dchromium=/path/to/chromium"));
    Files.createDirectories(OUT);
    browser = HeadlessChromium.start(chromium);
  }

  @AfterClass
  public static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  /** Waits until the page's script has drawn its charts; returns how many. */
  private static int chartsDrawn(HeadlessChromium.Page page) throws Exception {
    JsonNode drawn =
        page.evaluate(
            "new Promise(done => { const t = Date.now(); (function check() {"
                + " const n = document.documentElement.getAttribute('data-charts-drawn');"
                + " if (n !== null || Date.now() - t > 20000) done(n); else setTimeout(check, 20);"
                + " })(); })");
    assertTrue("the page's script never finished drawing: " + page.errors(), drawn.isTextual());
    return Integer.parseInt(drawn.asText());
  }

  /** Per chart: its series' data lengths and whether its SVG has a size on the page. */
  private static JsonNode charts(HeadlessChromium.Page page) throws IOException {
    return page.evaluate(
        "(() => { const out = {}; document.querySelectorAll('[data-chart]').forEach(el => {"
            + " const c = echarts.getInstanceByDom(el); const svg = el.querySelector('svg');"
            + " const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};"
            + " out[el.dataset.chart] = {"
            + "  series: c.getOption().series.map(s => s.data.map(d => d === null ? null"
            + "   : Array.isArray(d) ? d[d.length - 1] : (typeof d === 'object' ? d.value : d))),"
            + "  drawn: box.width > 100 && box.height > 30,"
            + "  marks: svg ? svg.querySelectorAll('path, rect').length : 0 }; });"
            + " return out; })()");
  }

  private static void assertClean(HeadlessChromium.Page page, Path file) {
    assertEquals("console errors", List.of(), page.errors());
    assertEquals("dialogs", List.of(), page.dialogs());
    assertEquals("requests beyond the file", List.of(), page.requests(file.toUri().toString()));
  }

  @Test
  public void theSamplesReportDrawsEveryChartWithTheSamplesDataPoints() throws Exception {
    Path output = OUT.resolve("sample");
    Jobs.run(PROJECT.resolve("data/sample").toString() + "/*", output, "--overwrite=true");
    Path report = output.resolve("report.html");
    HeadlessChromium.Page page = browser.open(report, 1280, 900);
    assertEquals(6, chartsDrawn(page));
    assertClean(page, report);

    List<ExpectedHour> expected = GroundTruthCsv.read(PROJECT.resolve("data/sample-expected"));
    Set<String> meters = expected.stream().map(ExpectedHour::meter).collect(Collectors.toSet());
    long first = expected.stream().mapToLong(ExpectedHour::windowStart).min().getAsLong();
    long last = expected.stream().mapToLong(ExpectedHour::windowStart).max().getAsLong();
    int hours = (int) ((last - first) / 3_600_000L) + 1;
    long days = Math.floorDiv(last, 86_400_000L) - Math.floorDiv(first, 86_400_000L) + 1;
    Map<String, Long> rejected = new TreeMap<>();
    for (String f : List.of("readings.faults.json", "readings-15min.faults.json")) {
      FaultCounts.read(PROJECT.resolve("data/sample-expected/" + f))
          .rejectedByReason()
          .forEach((reason, n) -> rejected.merge(reason, n, Long::sum));
    }
    rejected.values().removeIf(n -> n == 0);

    JsonNode charts = charts(page);
    for (String id :
        List.of(
            "rejectsByReason",
            "rejectsByFile",
            "loadByHour",
            "coverage",
            "topConsumers",
            "energyHistogram")) {
      assertTrue(id + " is drawn: " + charts, charts.path(id).path("drawn").asBoolean());
      assertTrue(id + " has marks", charts.path(id).path("marks").asInt() > 0);
    }
    // Rejects: one bar per reason, with the sample's own counts, in the reasons' order.
    JsonNode byReason = charts.at("/rejectsByReason/series/0");
    assertEquals(rejected.size(), byReason.size());
    int i = 0;
    for (RejectReason r : RejectReason.values()) {
      if (rejected.containsKey(r.name())) {
        assertEquals(r.name(), (long) rejected.get(r.name()), byReason.get(i++).asLong());
      }
    }
    assertEquals(3, charts.at("/rejectsByFile/series/0").size()); // the sample's three files
    // Load: every hour from the first to the last, energy and meters reporting; the same total.
    JsonNode energy = charts.at("/loadByHour/series/0");
    assertEquals(hours, energy.size());
    assertEquals(hours, charts.at("/loadByHour/series/1").size());
    double kwh = 0;
    for (JsonNode v : energy) {
      kwh += v.asDouble();
    }
    double expectedKwh = expected.stream().mapToDouble(ExpectedHour::energyMwh).sum() / 1e6;
    assertEquals(expectedKwh, kwh, expectedKwh * 1e-5);
    // Coverage: all meters, then every meter (fewer than the row limit), each over every day.
    assertEquals((1 + meters.size()) * days, charts.at("/coverage/series/0").size());
    assertEquals(Math.min(20, meters.size()), charts.at("/topConsumers/series/0").size());
    // Histogram: one bar per bin from the lowest to the highest, holding every hourly row.
    EnergyHistogram h = new EnergyHistogram();
    expected.forEach(e -> h.add(e.energyMwh()));
    JsonNode bins = charts.at("/energyHistogram/series/0");
    assertEquals((h.zeros() > 0 ? 1 : 0) + h.bins().size(), bins.size());
    long rows = 0;
    for (JsonNode b : bins) {
      rows += b.asLong();
    }
    assertEquals(expected.size(), rows);
    // The placeholder for the load per region is there.
    assertTrue(page.evaluate("!!document.getElementById('load-by-region')").asBoolean());

    byte[] png = page.screenshot();
    assertTrue(png.length > 10_000);
    Files.write(OUT.resolve("report-sample.png"), png);
  }

  @Test
  public void hostileInputShowsAsTextAndNeverRunsAsScript() throws Exception {
    Path in = Files.createDirectories(OUT.resolve("hostile-in"));
    String meter = "</script><script>window.pwned=1;alert('meter')</script>\"'&amp;";
    String badLine = "<script>window.pwned=2;alert(\"line\")</script>,2024-03-01 10:00,\"1\",2";
    String badTime = "<img src=x onerror=\"window.pwned=3\">,'tomorrow',1,1";
    String control = "CTRL\u0001\u007f\u0085,2024-03-01 10:00,x,1";
    StringBuilder csv = new StringBuilder("meter,time,energy,power\n");
    for (int m = 0; m < 60; m++) {
      csv.append(meter).append(",2024-03-01 10:").append(m < 10 ? "0" : "").append(m);
      csv.append(",").append(1000 + 10 * m).append(",5\n");
    }
    csv.append("A,2024-03-01 10:00,1,1\nA,2024-03-01 12:00,9,1\n");
    csv.append(badLine).append('\n').append(badTime).append('\n').append(control).append('\n');
    Path feed = in.resolve("feed-<b>&'.csv");
    Files.writeString(feed, csv.toString(), StandardCharsets.UTF_8);
    Path output = OUT.resolve("hostile");
    Jobs.run(in + "/*", output, "--overwrite=true", "--maxRejectedFraction=1");
    Path report = output.resolve("report.html");
    HeadlessChromium.Page page = browser.open(report, 1280, 900);
    assertEquals(6, chartsDrawn(page));
    assertClean(page, report);
    assertEquals("undefined", page.evaluate("typeof window.pwned").asText());
    assertEquals(3, page.evaluate("document.scripts.length").asInt()); // data, ECharts, the page's
    assertEquals(0, page.evaluate("document.querySelectorAll('main img, main b').length").asInt());
    // Each line is shown as it was, as text.
    String examples =
        page.evaluate("document.querySelector('table.examples').textContent").asText();
    assertTrue(examples, examples.contains(badLine));
    assertTrue(examples, examples.contains(badTime));
    assertTrue(examples, examples.contains("CTRL\u2401\u2421\ufffd,2024-03-01 10:00,x,1"));
    assertTrue(examples, examples.contains("feed-<b>&'.csv"));
    String largest = page.evaluate("document.querySelector('table.largest').textContent").asText();
    assertTrue(largest, largest.contains(meter));
    JsonNode labels =
        page.evaluate(
            "echarts.getInstanceByDom(document.getElementById('chart-topConsumers'))"
                + ".getOption().yAxis[0].data");
    assertTrue(labels.toString(), labels.toString().contains(JSON.writeValueAsString(meter)));
  }

  @Test
  public void theReportOfTenThousandMetersIsSmallAndOpensQuickly() throws Exception {
    Path output = OUT.resolve("meters-10000");
    RunReport.write(SyntheticRun.write(output, 10_000, 48), System.err);
    Path report = output.resolve("report.html");
    long bytes = Files.size(report);
    assertThat("report size", bytes, lessThan(RunReportSizeTest.MAX_REPORT_BYTES));
    long start = System.nanoTime();
    HeadlessChromium.Page page = browser.open(report, 1280, 900);
    assertEquals(4, chartsDrawn(page)); // no rejects: load, coverage, top consumers, histogram
    long openMillis = (System.nanoTime() - start) / 1_000_000;
    assertClean(page, report);
    JsonNode charts = charts(page);
    assertEquals((1 + CoverageSection.MAX_METER_ROWS) * 2, charts.at("/coverage/series/0").size());
    String footer = page.evaluate("document.querySelector('footer').textContent").asText();
    Matcher built = Pattern.compile("in ([0-9.]+) s\\.").matcher(footer);
    assertTrue(footer, built.find());
    System.out.printf(
        "report of 10,000 meters: %,d bytes, built in %s s, opened and drawn in %,d ms%n",
        bytes, built.group(1), openMillis);
    assertThat("opening and drawing, ms", openMillis, lessThan(MAX_OPEN_MILLIS));
    assertNotNull(page.screenshot());
  }
}
