package io.github.eec.pipeline.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's charts: each an Apache ECharts option (plain maps and lists, turned into JSON once),
 * shown by the element {@link #add} returns. The page's script draws each into its element.
 */
final class Charts {
  private final Map<String, Object> options = new LinkedHashMap<>();

  /**
   * Adds the chart {@code id}; returns its element, {@code heightPx} high, described for screen
   * readers by {@code label}.
   */
  String add(String id, int heightPx, Map<String, Object> option, String label) {
    if (options.put(id, option) != null) {
      throw new IllegalArgumentException("two charts named " + id);
    }
    return "<div class=\"chart\" id=\"chart-"
        + id
        + "\" data-chart=\""
        + id
        + "\" style=\"height:"
        + heightPx
        + "px\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\"></div>\n";
  }

  int size() {
    return options.size();
  }

  /** Every chart's option, as the JSON the page's script reads. */
  String json() {
    return ScriptJson.of(options);
  }
}
