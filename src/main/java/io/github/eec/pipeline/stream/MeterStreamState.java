package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyMeterStats;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What the stream keeps per meter: the hours whose row can still change, each with its latest
 * accumulator and the row last emitted for it, and the anchor before the first of them (the last
 * reading of the latest hour already let go). Bounded: hours leave once their window has closed and
 * a later closed hour exists, so a meter holds about {@code allowedLateness} + 2 hours.
 */
@DefaultCoder(MeterStreamStateCoder.class)
final class MeterStreamState {
  /** One meter-hour: its readings so far and what was emitted for it (null: nothing yet). */
  static final class Hour {
    HourlyAccumulator accumulator;
    HourlyMeterStats emitted;
    int revision = -1;

    Hour(HourlyAccumulator accumulator) {
      this.accumulator = accumulator;
    }
  }

  /** The last reading of the latest hour no longer kept: the previous anchor of the first kept. */
  Anchor before;

  /** The input watermark as far as this meter knows it: the latest timer that fired. */
  long knownWatermark = Long.MIN_VALUE;

  final TreeMap<Long, Hour> hours = new TreeMap<>();
}
