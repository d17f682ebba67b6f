package io.github.eec.pipeline.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The energy per region and hour, read from the run's regional hourly roll-up (written when a meter
 * registry is given): the regions with the most energy each keep their line, the rest are summed
 * into one, so the chart stays readable with hundreds of regions.
 */
final class RegionalLoad {
  static final int MAX_REGIONS = 8;
  static final String UNLISTED = "(not in the registry)";
  static final String OTHERS = "(other regions)";
  private static final List<String> COLUMNS = List.of("region", "window_start", "energy_mwh");

  /** Energy (mWh) by region, then by hour (hours since the epoch). */
  private final Map<String, Map<Long, Double>> byRegion = new HashMap<>();

  private int files;

  static RegionalLoad read(String glob) throws IOException {
    RegionalLoad load = new RegionalLoad();
    load.files =
        ProjectedParquet.read(
            glob,
            COLUMNS,
            r ->
                load.add(
                    r.get(0) == null ? UNLISTED : r.get(0).toString(),
                    Math.floorDiv(
                        Math.floorDiv((Long) r.get(1), ProjectedParquet.perMilli(r, 1)),
                        HourlyTally.HOUR_MILLIS),
                    (Double) r.get(2)));
    return load;
  }

  void add(String region, long hour, double energyMwh) {
    byRegion.computeIfAbsent(region, k -> new HashMap<>()).merge(hour, energyMwh, Double::sum);
  }

  int files() {
    return files;
  }

  int regions() {
    return byRegion.size();
  }

  boolean isEmpty() {
    return byRegion.isEmpty();
  }

  /**
   * The lines to draw: the {@link #MAX_REGIONS} regions of most energy (largest first, names
   * breaking ties), then the others summed as {@link #OTHERS} when there are more.
   */
  Map<String, Map<Long, Double>> lines() {
    List<Map.Entry<String, Map<Long, Double>>> all = new ArrayList<>(byRegion.entrySet());
    all.sort(
        Comparator.comparingDouble((Map.Entry<String, Map<Long, Double>> e) -> -total(e.getValue()))
            .thenComparing(Map.Entry::getKey));
    Map<String, Map<Long, Double>> out = new LinkedHashMap<>();
    int keep = all.size() <= MAX_REGIONS + 1 ? all.size() : MAX_REGIONS;
    for (int i = 0; i < all.size(); i++) {
      Map.Entry<String, Map<Long, Double>> e = all.get(i);
      if (i < keep) {
        out.put(e.getKey(), e.getValue());
      } else {
        Map<Long, Double> others = out.computeIfAbsent(OTHERS, k -> new HashMap<>());
        e.getValue().forEach((h, v) -> others.merge(h, v, Double::sum));
      }
    }
    return out;
  }

  private static double total(Map<Long, Double> hours) {
    double t = 0;
    for (double v : hours.values()) {
      t += v;
    }
    return t;
  }
}
