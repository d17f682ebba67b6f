package io.github.eec.pipeline.report;

import static io.github.eec.pipeline.report.ScriptJson.list;
import static io.github.eec.pipeline.report.ScriptJson.obj;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.RejectReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Rejected lines: a bar chart by reason with a few example lines of each (escaped: shown as text,
 * whatever they hold), and the share rejected of each input file, so a bad feed stands out.
 */
final class RejectsSection {
  /** Files in the chart of rejected shares, worst first. */
  static final int MAX_FILES_CHARTED = 20;

  /**
   * Example lines are cut to this many characters on the page (the rejects file has them whole).
   */
  static final int EXAMPLE_CHARS = 300;

  static final String BAD = "#c0392b";
  static final String OK = "#5470c6";

  private RejectsSection() {}

  static String html(RunRecord run, ReportData data, Charts charts) {
    StringBuilder sb = new StringBuilder("<section id=\"rejects\"><h2>Rejected lines</h2>\n");
    long rejected = run.summary().get(CounterNames.LINES_REJECTED);
    long read = run.summary().get(CounterNames.LINES_READ);
    double limit = run.options().getMaxRejectedFraction();
    sb.append("<p>")
        .append(Format.count(rejected))
        .append(" of ")
        .append(Format.count(read))
        .append(" lines rejected (")
        .append(Format.percent(read == 0 ? 0 : (double) rejected / read))
        .append("; the run fails above ")
        .append(Format.percent(limit))
        .append(", <code>--maxRejectedFraction</code>).</p>\n");
    if (rejected > 0) {
      sb.append("<h3>By reason</h3>\n");
      sb.append(byReason(run, charts));
      sb.append(examples(run, data));
    }
    if (!run.inputs().isEmpty()) {
      sb.append("<h3>By input file</h3>\n");
      sb.append(byFile(run, charts, limit));
    }
    sb.append("</section>\n");
    return sb.toString();
  }

  private static String byReason(RunRecord run, Charts charts) {
    List<Object> reasons = new ArrayList<>();
    List<Object> counts = new ArrayList<>();
    for (RejectReason r : RejectReason.values()) {
      long n = run.summary().get(CounterNames.rejected(r));
      if (n > 0) {
        reasons.add(r.name());
        counts.add(n);
      }
    }
    Map<String, Object> option =
        obj(
            "grid", obj("left", 8, "right", 48, "top", 8, "bottom", 8, "containLabel", true),
            "tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow")),
            "xAxis", obj("type", "value", "minInterval", 1),
            "yAxis", obj("type", "category", "inverse", true, "data", reasons),
            "series",
                list(
                    obj(
                        "type",
                        "bar",
                        "name",
                        "rejected lines",
                        "data",
                        counts,
                        "itemStyle",
                        obj("color", BAD),
                        "label",
                        obj("show", true, "position", "right"))));
    return charts.add(
        "rejectsByReason", 40 + 28 * reasons.size(), option, "Rejected lines by reason");
  }

  private static String examples(RunRecord run, ReportData data) {
    StringBuilder sb = new StringBuilder();
    List<String> inputs = new ArrayList<>();
    for (MatchResult.Metadata m : run.inputs()) {
      inputs.add(m.resourceId().toString());
    }
    String folder = Format.commonFolder(inputs);
    HtmlTable t = new HtmlTable("examples", "lrl", "reason", "lines", "examples");
    for (RejectReason r : RejectReason.values()) {
      long n = run.summary().get(CounterNames.rejected(r));
      if (n == 0) {
        continue;
      }
      StringBuilder cell = new StringBuilder("<ul>");
      for (RejectExamples.Example e : data.rejects.of(r)) {
        cell.append("<li>").append(exampleLine(e.line)).append("<br><span class=\"dim\">");
        Html.appendEscaped(cell, e.detail);
        cell.append(" · ");
        Html.appendEscaped(
            cell,
            !folder.isEmpty() && e.file.startsWith(folder)
                ? e.file.substring(folder.length())
                : e.file);
        cell.append("</span></li>");
      }
      cell.append("</ul>");
      t.row(r.name(), Format.count(n), new HtmlTable.Markup(cell.toString()));
    }
    sb.append(t.html());
    if (data.rejects.budgetSpent()) {
      sb.append(
          "<p class=\"dim\">Examples come from the first "
              + Format.bytes(ReportData.EXAMPLE_BYTES)
              + " of the rejects; the rejects files hold every line.</p>\n");
    }
    return sb.toString();
  }

  /** A rejected line as code, cut to {@link #EXAMPLE_CHARS} (never inside a surrogate pair). */
  private static String exampleLine(String line) {
    if (line.isEmpty()) {
      return "<span class=\"dim\">(empty line)</span>";
    }
    if (line.length() <= EXAMPLE_CHARS) {
      return HtmlTable.code(line).html;
    }
    int end =
        Character.isHighSurrogate(line.charAt(EXAMPLE_CHARS - 1))
            ? EXAMPLE_CHARS - 1
            : EXAMPLE_CHARS;
    return HtmlTable.code(line.substring(0, end)).html
        + "… <span class=\"dim\">("
        + Format.count(line.length())
        + " characters)</span>";
  }

  private static String byFile(RunRecord run, Charts charts, double limit) {
    Map<String, Long> lines = run.summary().byFile(CounterNames.LINES_READ_IN);
    Map<String, Long> rejected = run.summary().byFile(CounterNames.LINES_REJECTED_IN);
    List<String> paths = new ArrayList<>();
    for (MatchResult.Metadata m : run.inputs()) {
      paths.add(m.resourceId().toString());
    }
    String folder = Format.commonFolder(paths);
    Comparator<String> worstFirst =
        Comparator.comparingDouble((String p) -> -share(rejected.get(p), lines.get(p)))
            .thenComparing(p -> -rejected.getOrDefault(p, 0L))
            .thenComparing(p -> p);
    paths.sort(worstFirst);
    List<Object> names = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    long over = 0;
    for (String p : paths) {
      double share = share(rejected.get(p), lines.get(p));
      if (share > limit) {
        over++;
      }
      if (names.size() < MAX_FILES_CHARTED) {
        names.add(Html.clean(p.substring(folder.length())));
        values.add(
            obj(
                "value", LoadSection.round(100 * share, 3),
                "rejected", rejected.getOrDefault(p, 0L),
                "itemStyle", obj("color", share > limit ? BAD : OK)));
      }
    }
    Map<String, Object> option =
        obj(
            "grid", obj("left", 8, "right", 64, "top", 8, "bottom", 8, "containLabel", true),
            "tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow")),
            "xAxis",
                obj("type", "value", "name", "% rejected", "nameLocation", "middle", "nameGap", 24),
            "yAxis",
                obj(
                    "type",
                    "category",
                    "inverse",
                    true,
                    "data",
                    names,
                    "axisLabel",
                    obj("width", 360, "overflow", "truncate")),
            "series",
                list(
                    obj(
                        "type",
                        "bar",
                        "name",
                        "% of the file's lines rejected",
                        "data",
                        values,
                        "label",
                        obj("show", true, "position", "right", "formatter", "{c} %"),
                        "markLine",
                        obj(
                            "symbol", "none",
                            "silent", true,
                            "lineStyle", obj("color", BAD, "type", "dashed"),
                            "label", obj("formatter", "limit {c} %"),
                            "data", list(obj("xAxis", Math.round(limit * 1e6) / 1e4))))));
    StringBuilder sb = new StringBuilder("<p>");
    sb.append(
        over == 0
            ? "No input file has more than "
                + Html.escape(Format.percent(limit))
                + " of its lines rejected."
            : "<strong class=\"bad\">"
                + Format.count(over)
                + (over == 1 ? " input file has" : " input files have")
                + " more than "
                + Html.escape(Format.percent(limit))
                + " of its lines rejected</strong> (in red).");
    if (paths.size() > MAX_FILES_CHARTED) {
      sb.append(" The ")
          .append(MAX_FILES_CHARTED)
          .append(" worst files of ")
          .append(Format.count(paths.size()))
          .append(':');
    }
    sb.append("</p>\n");
    sb.append(
        charts.add(
            "rejectsByFile",
            56 + 28 * names.size(),
            option,
            "Share of each input file's lines rejected"));
    return sb.toString();
  }

  private static double share(Long rejected, Long read) {
    return read == null || read == 0 ? 0 : (double) (rejected == null ? 0 : rejected) / read;
  }
}
