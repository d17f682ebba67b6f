package io.github.eec.tools.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Computes the ground truth of a generation one meter at a time: replays the meter's lines exactly
 * as they were written (a meter's lines depend only on the options and its number), reads each line
 * back with {@link PrintedLineParser}, and applies {@link GroundTruthCalculator} to what it
 * accepts. Only one meter's readings are in memory per thread.
 */
final class GroundTruthBuilder {
  private GroundTruthBuilder() {}

  /** The readings the pipeline must accept for one meter, in file order. */
  static List<PrintedReading> acceptedReadings(GeneratorOptions o, int meterNumber)
      throws IOException {
    MeterFeed feed = new MeterFeed(o, meterNumber, new FaultCounts());
    String meterId = GeneratorOptions.meterId(meterNumber);
    LineBuffer buf = new LineBuffer(1 << 16, null);
    List<PrintedReading> readings = new ArrayList<>();
    while (!feed.done()) {
      feed.emit(buf);
      byte[] a = buf.array();
      int end = buf.position();
      int lineStart = 0;
      for (int i = 0; i < end; i++) {
        if (a[i] == '\n') {
          PrintedLineParser.Result r =
              PrintedLineParser.parse(
                  new String(a, lineStart, i - lineStart, StandardCharsets.ISO_8859_1));
          if (r.isReading()) {
            if (!r.reading.meter().equals(meterId)) {
              throw new IllegalStateException(
                  "meter " + meterId + " wrote a reading of " + r.reading.meter());
            }
            readings.add(r.reading);
          }
          lineStart = i + 1;
        }
      }
      buf.clear();
    }
    return readings;
  }

  /**
   * The expected rows of every meter, ordered by meter number then hour, computed on {@code pool}.
   */
  static List<ExpectedHour> compute(GeneratorOptions o, ExecutorService pool) throws IOException {
    List<Future<List<ExpectedHour>>> perMeter = new ArrayList<>(o.meters);
    for (int m = o.firstMeter; m < o.firstMeter + o.meters; m++) {
      int meter = m;
      perMeter.add(pool.submit(() -> GroundTruthCalculator.hourly(acceptedReadings(o, meter))));
    }
    List<ExpectedHour> rows = new ArrayList<>();
    for (Future<List<ExpectedHour>> f : perMeter) {
      rows.addAll(ReadingsGenerator.await(f));
    }
    return rows;
  }
}
