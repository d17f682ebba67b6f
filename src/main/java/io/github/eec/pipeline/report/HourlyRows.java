package io.github.eec.pipeline.report;

import java.io.IOException;
import java.util.List;

/** Reads back the hourly rows a run published, only the five columns the report needs. */
final class HourlyRows {
  private static final List<String> COLUMNS =
      List.of("meter", "window_start", "energy_mwh", "readings", "register_resets");

  /** Receives each row. */
  interface Visitor {
    void row(String meter, long hourStartMillis, double energyMwh, long readings, int resets);
  }

  private HourlyRows() {}

  /** Reads every file matching {@code glob} (none is fine); returns the number of files. */
  static int read(String glob, Visitor visitor) throws IOException {
    return ProjectedParquet.read(
        glob,
        COLUMNS,
        r ->
            visitor.row(
                r.get(0).toString(),
                Math.floorDiv((Long) r.get(1), ProjectedParquet.perMilli(r, 1)),
                (Double) r.get(2),
                (Long) r.get(3),
                (Integer) r.get(4)));
  }
}
