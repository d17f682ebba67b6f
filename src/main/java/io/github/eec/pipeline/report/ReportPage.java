package io.github.eec.pipeline.report;

import io.github.eec.pipeline.counters.CounterNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page: one self-contained HTML file (styles, the charting library and the data inline, no
 * request to anywhere), readable on a laptop and printable. Its sections are the run, rejects,
 * load, coverage and consumption; its script draws the charts with Apache ECharts as SVG (sharp on
 * screen and on paper).
 */
final class ReportPage {
  /** Where the page says how long building it took; replaced once the page is built. */
  static final String BUILD_TIME_MARK = "<!--build-time-->";

  private static final String CHARTING_LIBRARY = "echarts/echarts.min.js";

  private ReportPage() {}

  static String render(RunRecord run, ReportData data) throws IOException {
    Charts charts = new Charts();
    StringBuilder body = new StringBuilder();
    body.append(RunSection.html(run));
    body.append(RejectsSection.html(run, data, charts));
    body.append(LoadSection.html(run, data, charts));
    body.append(CoverageSection.html(run, data, charts));
    body.append(ConsumptionSection.html(run, data, charts));

    StringBuilder sb = new StringBuilder(1 << 21);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing but this page's own inline content may load or run.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>")
        .append(Html.escape(title(run)))
        .append("</title>\n<style>\n")
        .append(resource("report.css"))
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Html.escape(title(run)))
        .append("</h1>\n");
    status(sb, run, data);
    sb.append(
        "<nav><a href=\"#run\">Run</a><a href=\"#rejects\">Rejects</a><a href=\"#load\">Load</a>"
            + "<a href=\"#coverage\">Coverage</a><a href=\"#consumption\">Consumption</a></nav>\n"
            + "</header>\n<main>\n");
    sb.append(body);
    sb.append("</main>\n<footer>Built by eec-pipeline from ")
        .append(Format.count(data.tally.rows()))
        .append(" hourly rows in ")
        .append(Format.count(data.hourlyFiles))
        .append(data.hourlyFiles == 1 ? " file" : " files")
        .append(" in ")
        .append(BUILD_TIME_MARK)
        .append(". Charts: <span id=\"chart-library\">Apache ECharts</span> (Apache License 2.0).")
        .append("</footer>\n");
    sb.append("<script type=\"application/json\" id=\"report-charts\">")
        .append(charts.json())
        .append("</script>\n<script>\n")
        .append(scriptSafe(resource(CHARTING_LIBRARY)))
        .append("\n</script>\n<script>\n")
        .append(resource("report.js"))
        .append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static String title(RunRecord run) {
    return "Run report, "
        + Format.time(run.started())
        + (run.isMerge() ? " (merge)" : "")
        + " · eec-pipeline";
  }

  private static void status(StringBuilder sb, RunRecord run, ReportData data) {
    String cls;
    String text;
    switch (run.ending()) {
      case TOO_MANY_REJECTS:
        cls = "refused";
        text =
            String.format(
                Locale.ROOT,
                "Nothing was published: %s of the lines were rejected, above"
                    + " --maxRejectedFraction=%s. The rejects are in %s.",
                Format.percent(run.summary().rejectedFraction()),
                run.options().getMaxRejectedFraction(),
                run.rejectsDir());
        break;
      case NOTHING_TO_MERGE:
        cls = "none";
        text = "Nothing was merged: every input file had been merged before.";
        break;
      default:
        cls = "ok";
        text =
            (run.isMerge() ? "Merged: " : "Published: ")
                + Format.count(run.summary().get(CounterNames.HOURLY_ROWS))
                + " hourly rows written, "
                + Format.count(data.tally.meters().size())
                + " meters, "
                + Format.count(run.summary().get(CounterNames.LINES_REJECTED))
                + " lines rejected.";
    }
    sb.append("<p class=\"status ")
        .append(cls)
        .append("\">")
        .append(Html.escape(text))
        .append("</p>\n");
  }

  /** A script's text as the content of a script element, which must not contain its end tag. */
  static String scriptSafe(String script) {
    if (script.toLowerCase(Locale.ROOT).contains("<!--")) {
      throw new IllegalStateException("the charting library holds '<!--': cannot be inlined");
    }
    return script.replaceAll("(?i)</(script)", "<\\\\/$1");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(
            "resource " + name + " is missing from the class path (build with Maven)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
