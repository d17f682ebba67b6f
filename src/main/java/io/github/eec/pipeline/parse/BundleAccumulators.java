package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.Hours;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The hourly accumulators of one bundle, keyed by meter and hour: what lets the parse step hand the
 * runner one accumulator per meter-hour instead of one element per reading.
 *
 * <p>Hand-written open addressing because it is the per-reading hot path: a meter is looked up by
 * the characters of the line it is in, so a known meter costs no String, no boxing and no key
 * object; a String is made once per new meter-hour.
 */
final class BundleAccumulators {

  private String[] meters;
  private long[] hours;
  private HourlyAccumulator[] accumulators;
  private int size;
  private int mask;

  BundleAccumulators() {
    allocate(1024);
  }

  private void allocate(int capacity) {
    meters = new String[capacity];
    hours = new long[capacity];
    accumulators = new HourlyAccumulator[capacity];
    mask = capacity - 1;
    size = 0;
  }

  int size() {
    return size;
  }

  /** Adds a reading of the meter {@code line[meterStart, meterEnd)}. */
  void add(
      String line,
      int meterStart,
      int meterEnd,
      long timeMillis,
      double energyMwh,
      double powerMw) {
    long hour = Hours.hourStart(timeMillis);
    int h = 0;
    for (int i = meterStart; i < meterEnd; i++) {
      h = 31 * h + line.charAt(i);
    }
    int slot = mix(h ^ Long.hashCode(hour)) & mask;
    int length = meterEnd - meterStart;
    while (true) {
      String m = meters[slot];
      if (m == null) {
        break;
      }
      if (hours[slot] == hour
          && m.length() == length
          && line.regionMatches(meterStart, m, 0, length)) {
        accumulators[slot].add(timeMillis, energyMwh, powerMw);
        return;
      }
      slot = (slot + 1) & mask;
    }
    meters[slot] = line.substring(meterStart, meterEnd);
    hours[slot] = hour;
    HourlyAccumulator a = new HourlyAccumulator();
    a.add(timeMillis, energyMwh, powerMw);
    accumulators[slot] = a;
    if (++size * 2 > meters.length) {
      grow();
    }
  }

  private void grow() {
    String[] oldMeters = meters;
    long[] oldHours = hours;
    HourlyAccumulator[] oldAccumulators = accumulators;
    allocate(oldMeters.length * 2);
    for (int i = 0; i < oldMeters.length; i++) {
      if (oldMeters[i] != null) {
        int slot = mix(oldMeters[i].hashCode() ^ Long.hashCode(oldHours[i])) & mask;
        while (meters[slot] != null) {
          slot = (slot + 1) & mask;
        }
        meters[slot] = oldMeters[i];
        hours[slot] = oldHours[i];
        accumulators[slot] = oldAccumulators[i];
        size++;
      }
    }
  }

  /** Hands every accumulator to {@code sink} and empties the map, keeping its capacity. */
  void drainTo(BiConsumer<String, HourlyAccumulator> sink) {
    // Hour by hour: a stream emits an hour's row once a later hour's pane brings its next anchor,
    // so a meter's earlier hour must not come after its later one. One sort of (hour, slot) keys,
    // however many hours the bundle spans.
    long first = Long.MAX_VALUE;
    for (int i = 0; i < meters.length; i++) {
      if (meters[i] != null) {
        first = Math.min(first, hours[i]);
      }
    }
    long[] order = new long[size];
    int n = 0;
    for (int i = 0; i < meters.length; i++) {
      if (meters[i] != null) {
        order[n++] = ((hours[i] - first) / Hours.HOUR_MILLIS) << 32 | i;
      }
    }
    Arrays.sort(order);
    for (long key : order) {
      int i = (int) key;
      sink.accept(meters[i], accumulators[i]);
      meters[i] = null;
      accumulators[i] = null;
    }
    size = 0;
  }

  /** Spreads String-style hashes, whose low bits cluster for ids like MTR-000123. */
  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
