package io.github.eec.pipeline.report;

import static io.github.eec.pipeline.report.ScriptJson.list;
import static io.github.eec.pipeline.report.ScriptJson.obj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Consumption: the top consumers, and the distribution of hourly energy over all meter-hours (a
 * histogram on a log scale) with the largest hourly values, where implausible values show. A
 * meter-hour above {@code --maxPowerMw} for a whole hour is marked: no meter the job accepts can
 * draw that much.
 */
final class ConsumptionSection {
  static final int TOP_CONSUMERS = 20;

  private ConsumptionSection() {}

  static String html(RunRecord run, ReportData data, Charts charts) {
    StringBuilder sb = new StringBuilder("<section id=\"consumption\"><h2>Consumption</h2>\n");
    HourlyTally tally = data.tally;
    if (tally.isEmpty()) {
      sb.append("<p>No hourly rows.</p>\n</section>\n");
      return sb.toString();
    }
    sb.append("<h3>Top consumers</h3>\n").append(topConsumers(tally, charts));
    sb.append("<h3>Hourly energy</h3>\n").append(histogram(run, tally, charts));
    sb.append(largest(tally));
    sb.append("</section>\n");
    return sb.toString();
  }

  private static String topConsumers(HourlyTally tally, Charts charts) {
    List<MeterTally> meters = new ArrayList<>(tally.meters());
    meters.sort(
        Comparator.comparingDouble((MeterTally m) -> -m.energyMwh()).thenComparing(m -> m.meter()));
    List<Object> names = new ArrayList<>();
    List<Object> kwh = new ArrayList<>();
    for (MeterTally m : meters.subList(0, Math.min(TOP_CONSUMERS, meters.size()))) {
      names.add(Html.clean(m.meter()));
      kwh.add(LoadSection.round(m.energyMwh() / 1e6, 4));
    }
    Map<String, Object> option =
        obj(
            "grid", obj("left", 8, "right", 72, "top", 8, "bottom", 28, "containLabel", true),
            "tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow")),
            "xAxis", obj("type", "value", "name", "kWh", "nameLocation", "middle", "nameGap", 24),
            "yAxis",
                obj(
                    "type",
                    "category",
                    "inverse",
                    true,
                    "data",
                    names,
                    "axisLabel",
                    obj("width", 200, "overflow", "truncate")),
            "series",
                list(
                    obj(
                        "type",
                        "bar",
                        "name",
                        "energy (kWh)",
                        "data",
                        kwh,
                        "label",
                        obj("show", true, "position", "right"))));
    String intro =
        "<p>The "
            + Math.min(TOP_CONSUMERS, meters.size())
            + " meters with the most energy over the run's hours, of "
            + Format.count(meters.size())
            + ".</p>\n";
    return intro + charts.add("topConsumers", 48 + 24 * names.size(), option, "Top consumers, kWh");
  }

  private static String histogram(RunRecord run, HourlyTally tally, Charts charts) {
    EnergyHistogram h = tally.histogram();
    double ceilingMwh = run.options().getMaxPowerMw(); // mW for one hour, in mWh
    List<Object> labels = new ArrayList<>();
    List<Object> counts = new ArrayList<>();
    long implausible = 0;
    String firstImplausible = null;
    if (h.zeros() > 0) {
      labels.add("0");
      counts.add(obj("value", h.zeros()));
    }
    for (Map.Entry<Integer, Long> e : h.bins().entrySet()) {
      // A bin counts as implausible once its lower bound reaches the ceiling.
      boolean above = EnergyHistogram.lowerBound(e.getKey()) >= ceilingMwh;
      String label = kwhLabel(EnergyHistogram.lowerBound(e.getKey()));
      if (above) {
        implausible += e.getValue();
        if (firstImplausible == null) {
          firstImplausible = label;
        }
      }
      labels.add(label);
      counts.add(
          obj(
              "value", e.getValue() == 0 ? null : e.getValue(),
              "itemStyle", above ? obj("color", RejectsSection.BAD) : null));
    }
    long most =
        Math.max(h.zeros(), h.bins().values().stream().mapToLong(Long::longValue).max().orElse(1));
    // A power of ten above the largest bar, with room for its label.
    double top = Math.pow(10, Math.ceil(Math.log10(most * 2.0)));
    Map<String, Object> series =
        obj(
            "type",
            "bar",
            "name",
            "meter-hours",
            "barCategoryGap",
            "10%",
            "label",
            obj("show", true, "position", "top", "fontSize", 10),
            // A bin of one meter-hour sits at the log axis' base: give it a bar all the same.
            "barMinHeight",
            4,
            "data",
            counts);
    if (firstImplausible != null) {
      series.put(
          "markArea",
          obj(
              "silent", true,
              "itemStyle", obj("color", "rgba(192, 57, 43, 0.08)"),
              "label", obj("color", RejectsSection.BAD, "position", "insideTop"),
              "data",
                  list(
                      list(
                          obj("name", "implausible", "xAxis", firstImplausible, "yAxis", 1),
                          obj("xAxis", labels.get(labels.size() - 1), "yAxis", top)))));
    }
    Map<String, Object> option =
        obj(
            "grid", obj("left", 8, "right", 16, "top", 32, "bottom", 8, "containLabel", true),
            "tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow")),
            "xAxis",
                obj(
                    "type",
                    "category",
                    "name",
                    "kWh (from)",
                    "nameLocation",
                    "middle",
                    "nameGap",
                    28,
                    // On a log axis there is no zero to put the axis line at.
                    "axisLine",
                    obj("onZero", false),
                    "data",
                    labels),
            // axis from 0.1 or 0.3 with a grid line at infinity).
            "yAxis",
                obj(
                    "type",
                    "log",
                    "name",
                    "meter-hours",
                    "min",
                    1,
                    "max",
                    top,
                    "logBase",
                    10,
                    "axisLabel",
                    obj("showMinLabel", false)),
            "series", list(series));
    StringBuilder sb = new StringBuilder("<p>");
    sb.append(Format.count(tally.rows()))
        .append(" meter-hours by their energy, in bins of a fifth of a decade (a log scale, so a")
        .append(" lone implausible value stands apart); the bar heights are on a log scale too.");
    if (h.zeros() > 0) {
      sb.append(" ").append(Format.count(h.zeros())).append(" hours have no energy at all.");
    }
    if (implausible > 0) {
      sb.append(" <strong class=\"bad\">")
          .append(Format.count(implausible))
          .append(implausible == 1 ? " meter-hour has" : " meter-hours have")
          .append(" more energy than ")
          .append(Html.escape(Format.kwh(ceilingMwh)))
          .append(" kWh, <code>--maxPowerMw</code> for a whole hour</strong> (in red).");
    }
    sb.append("</p>\n");
    sb.append(
        charts.add("energyHistogram", 300, option, "Distribution of hourly energy, log scale"));
    return sb.toString();
  }

  private static String kwhLabel(double mwh) {
    return String.format(Locale.ROOT, "%.2g", mwh / 1e6).replace("e+0", "e").replace("e+", "e");
  }

  private static String largest(HourlyTally tally) {
    HtmlTable t =
        new HtmlTable("largest", "llrr", "meter", "hour (UTC)", "energy (kWh)", "readings");
    for (HourlyTally.MeterHourValue v : tally.largest()) {
      t.row(
          HtmlTable.code(v.meter),
          Format.hour(v.hourStartMillis),
          Format.kwh(v.energyMwh),
          Format.count(v.readings));
    }
    return "<h3>Largest hourly values</h3>\n" + t.html();
  }
}
