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
    sb.append("<h3>Load per region</h3>\n");
    RegionalLoad regions = data.regions;
    if (regions == null) {
      sb.append(
          "<p class=\"placeholder\" id=\"load-by-region\">Given a meter registry"
              + " (<code>--meterRegistry</code>: meter → region), the energy per region and hour"
              + " is drawn here.</p>\n");
    } else if (regions.isEmpty()) {
      sb.append("<p id=\"load-by-region\">No regional rows.</p>\n");
    } else {
      sb.append("<div id=\"load-by-region\">\n")
          .append(regionChart(regions, tally, charts))
          .append("</div>\n");
    }
    sb.append("</section>\n");
    return sb.toString();
  }

  /** One line per region over the same hours as the total (a missing hour is a gap). */
  private static String regionChart(RegionalLoad regions, HourlyTally tally, Charts charts) {
    Map<String, Map<Long, Double>> lines = regions.lines();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Map<Long, Double> hours : lines.values()) {
      for (long h : hours.keySet()) {
        first = Math.min(first, h);
        last = Math.max(last, h);
      }
    }
    if (!tally.isEmpty()) {
      first = Math.min(first, tally.firstHour());
      last = Math.max(last, tally.lastHour());
    }
    List<Object> series = new ArrayList<>();
    for (Map.Entry<String, Map<Long, Double>> line : lines.entrySet()) {
      List<Object> points = new ArrayList<>();
      for (long h = first; h <= last; h++) {
        Double v = line.getValue().get(h);
        points.add(list(h * HourlyTally.HOUR_MILLIS, v == null ? null : round(v / 1e6)));
      }
      series.add(
          obj(
              "type",
              "line",
              "name",
              line.getKey(),
              "showSymbol",
              last - first < 96,
              "symbolSize",
              3,
              "connectNulls",
              false,
              "data",
              points));
    }
    StringBuilder sb =
        new StringBuilder("<p>")
            .append(Format.count(regions.regions()))
            .append(regions.regions() == 1 ? " region" : " regions");
    if (regions.regions() > lines.size()) {
      sb.append(", the ")
          .append(RegionalLoad.MAX_REGIONS)
          .append(" of most energy each drawn, the rest summed");
    }
    sb.append(" (kWh per hour; meters the registry does not list are ")
        .append(Html.escape(RegionalLoad.UNLISTED))
        .append(").</p>\n");
    Map<String, Object> option =
        obj(
            "useUTC", true,
            "legend", obj("top", 0, "type", "scroll"),
            "grid", obj("left", 8, "right", 8, "top", 36, "bottom", 56, "containLabel", true),
            "tooltip", obj("trigger", "axis"),
            "xAxis", obj("type", "time"),
            "yAxis", obj("type", "value", "name", "kWh", "min", 0),
            "dataZoom", list(obj("type", "inside"), obj("type", "slider", "height", 20)),
            "series", series);
    sb.append(charts.add("loadByRegion", 360, option, "Energy per hour by region"));
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
