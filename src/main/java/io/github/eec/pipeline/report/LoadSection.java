package io.github.eec.pipeline.report;

import static io.github.eec.pipeline.report.ScriptJson.list;
import static io.github.eec.pipeline.report.ScriptJson.obj;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load: total energy per hour over all meters, as a line over every hour from the first to the
 * last with data (an hour without any row is a gap in the line, not a zero), with the number of
 * meters that reported in each hour.
 */
final class LoadSection {

  private LoadSection() {}

  static String html(RunRecord run, ReportData data, Charts charts) {
    StringBuilder sb = new StringBuilder("<section id=\"load\"><h2>Load</h2>\n");
    HourlyTally tally = data.tally;
    if (tally.isEmpty()) {
      sb.append("<p>No hourly rows").append(run.isMerge() ? " were merged" : "").append(".</p>\n");
    } else {
      List<Object> energy = new ArrayList<>();
      List<Object> meters = new ArrayList<>();
      double total = 0;
      int hoursWithout = 0;
      int peakMeters = 0;
      for (long h = tally.firstHour(); h <= tally.lastHour(); h++) {
        long t = h * HourlyTally.HOUR_MILLIS;
        HourlyTally.HourTotal ht = tally.hour(h);
        energy.add(list(t, ht == null ? null : round(ht.energyMwh / 1e6)));
        meters.add(list(t, ht == null ? 0 : ht.meters));
        if (ht == null) {
          hoursWithout++;
        } else {
          total += ht.energyMwh;
          peakMeters = Math.max(peakMeters, ht.meters);
        }
      }
      long hours = tally.lastHour() - tally.firstHour() + 1;
      sb.append("<p>")
          .append(Format.count(hours))
          .append(" hours, ")
          .append(Format.hour(tally.firstHour() * HourlyTally.HOUR_MILLIS))
          .append(" to ")
          .append(Format.hour((tally.lastHour() + 1) * HourlyTally.HOUR_MILLIS))
          .append(" UTC")
          .append(run.isMerge() ? " (the days this merge rewrote)" : "")
          .append(": ")
          .append(Format.kwh(total))
          .append(" kWh in all, from ")
          .append(Format.count(tally.meters().size()))
          .append(" meters");
      if (hoursWithout > 0) {
        sb.append("; <strong class=\"bad\">")
            .append(Format.count(hoursWithout))
            .append(hoursWithout == 1 ? " hour has" : " hours have")
            .append(" no reading of any meter</strong> (gaps in the line)");
      }
      sb.append(".</p>\n");
      Map<String, Object> option =
          obj(
              "useUTC", true,
              "legend", obj("top", 0),
              "grid", obj("left", 8, "right", 8, "top", 36, "bottom", 56, "containLabel", true),
              "tooltip", obj("trigger", "axis"),
              "xAxis", obj("type", "time"),
              "yAxis",
                  list(
                      obj("type", "value", "name", "kWh", "min", 0),
                      obj(
                          "type",
                          "value",
                          "name",
                          "meters",
                          "min",
                          0,
                          "minInterval",
                          1,
                          "max",
                          Math.max(1, peakMeters),
                          "splitLine",
                          obj("show", false))),
              "dataZoom", list(obj("type", "inside"), obj("type", "slider", "height", 20)),
              "series",
                  list(
                      obj(
                          "type",
                          "line",
                          "name",
                          "energy, all meters (kWh)",
                          "showSymbol",
                          hours <= 96,
                          "symbolSize",
                          4,
                          "connectNulls",
                          false,
                          "data",
                          energy),
                      obj(
                          "type",
                          "line",
                          "name",
                          "meters reporting",
                          "yAxisIndex",
                          1,
                          "step",
                          "middle",
                          "showSymbol",
                          false,
                          "lineStyle",
                          obj("type", "dashed", "width", 1),
                          "data",
                          meters)));
      sb.append(charts.add("loadByHour", 360, option, "Total energy per hour, all meters"));
    }
    sb.append("<h3>Load per region</h3>\n")
        .append(
            "<p class=\"placeholder\" id=\"load-by-region\">Per region when a meter registry (meter"
                + " → region) is given: the job has no registry yet, so this part is empty.</p>\n");
    sb.append("</section>\n");
    return sb.toString();
  }

  /** Six significant digits: enough for a chart, and a smaller page. */
  static double round(double v) {
    return round(v, 6);
  }

  static double round(double v, int digits) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
  }
}
