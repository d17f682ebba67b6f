package io.github.eec.pipeline.report;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The run: when and how long, the runner and its options, the input files with their sizes and line
 * counts, and the counters of the run summary.
 */
final class RunSection {
  /** Input files listed one by one; a run of thousands of small files lists the first ones. */
  static final int MAX_FILES_LISTED = 200;

  /**
   * Option values are cut to this length: a runner may set long ones (Spark's list of jars to
   * stage).
   */
  static final int MAX_OPTION_CHARS = 240;

  private RunSection() {}

  static String html(RunRecord run) {
    StringBuilder sb = new StringBuilder("<section id=\"run\"><h2>The run</h2>\n");
    sb.append("<div class=\"columns\"><div>\n");
    HtmlTable facts = new HtmlTable("facts", "ll", "", "");
    facts.row("started", Format.time(run.started()));
    if (run.finished() != null) {
      facts.row("pipeline finished", Format.time(run.finished()));
      facts.row("pipeline took", Format.duration(run.started(), run.finished()));
    }
    facts.row("runner", run.options().getRunner().getSimpleName());
    facts.row(
        "mode",
        run.isMerge()
            ? "merge into the table (--merge=true)"
            : "plain run (hourly/ and rejects/ replaced)");
    if (run.runId() != null) {
      facts.row("run id", run.runId());
    }
    facts.row("input", run.options().getInput());
    facts.row("output", run.options().getOutput());
    if (run.rejectsDir() != null) {
      facts.row("rejects", run.rejectsDir());
    }
    run.mergeFacts().forEach(facts::row);
    sb.append(facts.html()).append("</div><div>\n");
    sb.append(counters(run.summary()));
    sb.append("</div></div>\n");
    sb.append(inputFiles(run));
    if (!run.skipped().isEmpty()) {
      HtmlTable skipped = new HtmlTable("files", "l", "input file merged before (not read again)");
      for (String s : run.skipped()) {
        skipped.row(HtmlTable.code(s));
      }
      sb.append(skipped.html());
    }
    sb.append("<details><summary>Options</summary>\n");
    HtmlTable options = new HtmlTable("options", "lll", "option", "value", "");
    for (RunOptions.Row row : RunOptions.of(run.options())) {
      options.classedRow(
          row.given ? "given" : null,
          row.name,
          row.value.length() <= MAX_OPTION_CHARS
              ? HtmlTable.code(row.value)
              : new HtmlTable.Markup(
                  HtmlTable.code(row.value.substring(0, MAX_OPTION_CHARS)).html
                      + "… <span class=\"dim\">("
                      + Format.count(row.value.length())
                      + " characters)</span>"),
          row.given ? "given" : "default");
    }
    sb.append(options.html()).append("</details>\n");
    sb.append("</section>\n");
    return sb.toString();
  }

  private static String counters(RunSummary summary) {
    HtmlTable t = new HtmlTable("counters", "lr", "counter", "value");
    for (Map.Entry<String, Long> e : summary.shown().entrySet()) {
      boolean sub = e.getKey().startsWith("  ");
      t.classedRow(sub ? "sub" : null, e.getKey().trim(), Format.count(e.getValue()));
    }
    return t.html();
  }

  private static String inputFiles(RunRecord run) {
    List<String> paths = new ArrayList<>();
    long bytes = 0;
    for (MatchResult.Metadata m : run.inputs()) {
      paths.add(m.resourceId().toString());
      bytes += m.sizeBytes();
    }
    Map<String, Long> lines = run.summary().byFile(CounterNames.LINES_READ_IN);
    Map<String, Long> rejected = run.summary().byFile(CounterNames.LINES_REJECTED_IN);
    double limit = run.options().getMaxRejectedFraction();
    String folder = Format.commonFolder(paths);
    StringBuilder sb = new StringBuilder();
    sb.append("<h3>Input files</h3>\n<p>")
        .append(Format.count(paths.size()))
        .append(paths.size() == 1 ? " file, " : " files, ")
        .append(Html.escape(Format.bytes(bytes)));
    if (!folder.isEmpty()) {
      sb.append(", in ").append(HtmlTable.code(folder).html);
    }
    sb.append(".</p>\n");
    HtmlTable t = new HtmlTable("files", "lrrrr", "file", "size", "lines", "rejected", "share");
    List<MatchResult.Metadata> sorted = new ArrayList<>(run.inputs());
    sorted.sort((a, b) -> a.resourceId().toString().compareTo(b.resourceId().toString()));
    for (MatchResult.Metadata m : sorted) {
      if (t.rows() == MAX_FILES_LISTED) {
        t.note(
            "… and "
                + Format.count(sorted.size() - MAX_FILES_LISTED)
                + " more files (the chart of rejected lines by file shows the worst ones)");
        break;
      }
      String path = m.resourceId().toString();
      long read = lines.getOrDefault(path, 0L);
      long bad = rejected.getOrDefault(path, 0L);
      double share = read == 0 ? 0 : (double) bad / read;
      t.classedRow(
          share > limit ? "bad" : null,
          HtmlTable.code(path.substring(folder.length())),
          Format.bytes(m.sizeBytes()),
          Format.count(read),
          Format.count(bad),
          Format.percent(share));
    }
    return sb + t.html();
  }
}
