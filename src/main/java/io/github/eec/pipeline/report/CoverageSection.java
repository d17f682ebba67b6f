package io.github.eec.pipeline.report;

import static io.github.eec.pipeline.report.ScriptJson.list;
import static io.github.eec.pipeline.report.ScriptJson.obj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Coverage: a meters × days heat map of the readings received against each meter's usual rate,
 * worst meters first (a row for all meters together on top, then at most {@link #MAX_METER_ROWS}
 * meters, so the page stays readable and small for any number of meters), and a table of the meters
 * with the most missing hours, resets and readings above their usual rate.
 */
final class CoverageSection {
  static final int MAX_METER_ROWS = 40;

  /** Meters in the table: the worst by each measure. */
  static final int WORST_EACH = 10;

  private CoverageSection() {}

  static String html(RunRecord run, ReportData data, Charts charts) {
    StringBuilder sb = new StringBuilder("<section id=\"coverage\"><h2>Coverage</h2>\n");
    Coverage c = data.coverage;
    if (c.meters().isEmpty()) {
      sb.append("<p>No hourly rows.</p>\n</section>\n");
      return sb.toString();
    }
    List<Coverage.MeterCoverage> meters = c.meters();
    long complete = meters.stream().filter(m -> m.missingHours == 0 && m.overall >= 0.99).count();
    sb.append("<p>Readings received per meter and UTC day, against the meter's usual rate (the")
        .append(" median number of readings in its hours with data) over the day's hours in the")
        .append(" run's span. ")
        .append(Format.count(meters.size()))
        .append(" meters over ")
        .append(c.days().size())
        .append(c.days().size() == 1 ? " day" : " days")
        .append(run.isMerge() ? " (the days this merge rewrote)" : "")
        .append("; ")
        .append(Format.count(complete))
        .append(" have every hour and at least 99 % of their usual readings");
    if (meters.size() > MAX_METER_ROWS) {
      sb.append("; the ").append(MAX_METER_ROWS).append(" worst covered are shown");
    }
    sb.append(".</p>\n");
    sb.append(heatMap(c, charts));
    sb.append(worstTable(c));
    sb.append("</section>\n");
    return sb.toString();
  }

  private static String heatMap(Coverage c, Charts charts) {
    List<Object> days = new ArrayList<>();
    for (int d : c.days()) {
      days.add(Format.day(d));
    }
    List<Object> rows = new ArrayList<>();
    List<Object> cells = new ArrayList<>();
    rows.add("all " + Format.count(c.meters().size()) + " meters");
    for (int i = 0; i < c.days().size(); i++) {
      addCell(cells, i, 0, c.allMeters(i));
    }
    int shown = Math.min(MAX_METER_ROWS, c.meters().size());
    for (int r = 0; r < shown; r++) {
      Coverage.MeterCoverage m = c.meters().get(r);
      rows.add(Html.clean(m.meter.meter()));
      for (int i = 0; i < c.days().size(); i++) {
        addCell(cells, i, r + 1, m.byDay[i]);
      }
    }
    Map<String, Object> option =
        obj(
            "tooltip", obj("position", "top"),
            "grid", obj("left", 8, "right", 16, "top", 8, "bottom", 64, "containLabel", true),
            "xAxis", obj("type", "category", "data", days, "splitArea", obj("show", true)),
            "yAxis",
                obj(
                    "type",
                    "category",
                    "inverse",
                    true,
                    "data",
                    rows,
                    "axisLabel",
                    obj("width", 200, "overflow", "truncate")),
            "visualMap",
                obj(
                    "type",
                    "piecewise",
                    "dimension",
                    2,
                    "orient",
                    "horizontal",
                    "left",
                    "center",
                    "bottom",
                    0,
                    "pieces",
                    list(
                        obj("lt", 50, "label", "under 50 %", "color", "#b2182b"),
                        obj("gte", 50, "lt", 90, "label", "50–90 %", "color", "#ef8a62"),
                        obj("gte", 90, "lt", 99, "label", "90–99 %", "color", "#fddbc7"),
                        obj("gte", 99, "lte", 101, "label", "as usual", "color", "#4daf4a"),
                        obj("gt", 101, "label", "more than usual", "color", "#2166ac"))),
            "series",
                list(
                    obj(
                        "type",
                        "heatmap",
                        "name",
                        "% of usual readings",
                        "data",
                        cells,
                        "label",
                        obj("show", cells.size() <= 400, "fontSize", 9),
                        "itemStyle",
                        obj("borderColor", "#fff", "borderWidth", 1))));
    return charts.add(
        "coverage",
        90 + 20 * rows.size(),
        option,
        "Readings received per meter and day against the usual rate");
  }

  private static void addCell(List<Object> cells, int x, int y, double share) {
    if (!Double.isNaN(share)) {
      cells.add(list(x, y, Math.round(share * 1000) / 10.0));
    }
  }

  private static String worstTable(Coverage c) {
    Set<Coverage.MeterCoverage> worst = new LinkedHashSet<>();
    addWorst(worst, c.meters(), m -> m.missingHours);
    addWorst(worst, c.meters(), m -> m.meter.resets());
    addWorst(worst, c.meters(), m -> m.meter.readingsAboveUsual());
    addWorst(worst, c.meters(), m -> m.meter.hoursBelowUsual());
    StringBuilder sb =
        new StringBuilder(
            "<h3>Meters with the most missing hours, resets and extra readings</h3>\n");
    if (worst.isEmpty()) {
      sb.append(
          "<p>Every meter has every hour, no register reset and no hour with more readings than usual.</p>\n");
      return sb.toString();
    }
    List<Coverage.MeterCoverage> rows = new ArrayList<>(worst);
    rows.sort(
        Comparator.comparingLong((Coverage.MeterCoverage m) -> -m.missingHours)
            .thenComparingLong(m -> -m.meter.hoursBelowUsual())
            .thenComparingLong(m -> -m.meter.resets())
            .thenComparingLong(m -> -m.meter.readingsAboveUsual())
            .thenComparing(m -> m.meter.meter()));
    HtmlTable t =
        new HtmlTable(
            "meters",
            "lrrrrrrr",
            "meter",
            "usual readings / h",
            "hours with data",
            "missing hours",
            "short hours",
            "register resets",
            "extra readings",
            "coverage");
    for (Coverage.MeterCoverage m : rows) {
      t.classedRow(
          m.overall < 0.9 ? "bad" : null,
          HtmlTable.code(m.meter.meter()),
          Format.count(m.usualRate),
          Format.count(m.meter.hours()),
          Format.count(m.missingHours),
          Format.count(m.meter.hoursBelowUsual()),
          Format.count(m.meter.resets()),
          Format.count(m.meter.readingsAboveUsual()),
          Format.percent(m.overall));
    }
    sb.append(t.html());
    sb.append(
        "<p class=\"dim\">Missing hours: hours of the span without a row. Short hours: hours with"
            + " fewer readings than usual (a gap inside the hour). Extra readings: readings above"
            + " the usual rate, summed over the hours that have more (duplicated lines, or a meter"
            + " that read faster). For meters of "
            + MeterTally.FAST_METER
            + " or more readings an hour, one more or one less is usual (a reading on the other"
            + " side of an hour boundary) and not counted. With <code>--dedupe=true</code>"
            + " duplicates are dropped and counted in the run's counters.</p>\n");
    return sb.toString();
  }

  private static void addWorst(
      Set<Coverage.MeterCoverage> into,
      List<Coverage.MeterCoverage> meters,
      ToLongFunction<Coverage.MeterCoverage> measure) {
    meters.stream()
        .filter(m -> measure.applyAsLong(m) > 0)
        .sorted(
            Comparator.comparingLong((Coverage.MeterCoverage m) -> -measure.applyAsLong(m))
                .thenComparing(m -> m.meter.meter()))
        .limit(WORST_EACH)
        .forEach(into::add);
  }
}
