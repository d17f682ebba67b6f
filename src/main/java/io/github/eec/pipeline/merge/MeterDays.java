package io.github.eec.pipeline.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * The UTC days (epoch days) on which a meter has rows in the table, as sorted inclusive ranges.
 * What lets a merge find a meter's previous and next day with data however far away, without
 * reading the table's history: the merge index keeps one per meter.
 */
@DefaultCoder(MeterDaysCoder.class)
public final class MeterDays {
  /** Flattened sorted, disjoint, non-adjacent ranges: from, to, from, to, ... (inclusive). */
  private final int[] ranges;

  private MeterDays(int[] ranges) {
    this.ranges = ranges;
  }

  public static MeterDays none() {
    return new MeterDays(new int[0]);
  }

  /** From stored ranges; checks they are sorted and disjoint. */
  public static MeterDays ofRanges(int[] ranges) {
    if (ranges.length % 2 != 0) {
      throw new IllegalArgumentException("day ranges come in pairs, got " + ranges.length);
    }
    for (int i = 0; i < ranges.length; i += 2) {
      if (ranges[i] > ranges[i + 1] || (i > 0 && ranges[i] <= ranges[i - 1] + 1)) {
        throw new IllegalArgumentException(
            "day ranges not sorted and apart: " + Arrays.toString(ranges));
      }
    }
    return new MeterDays(ranges.clone());
  }

  public int[] ranges() {
    return ranges.clone();
  }

  public boolean isEmpty() {
    return ranges.length == 0;
  }

  /** The latest day with data before {@code day}, or null. */
  public Integer before(int day) {
    for (int i = ranges.length - 2; i >= 0; i -= 2) {
      if (ranges[i] < day) {
        return Math.min(ranges[i + 1], day - 1);
      }
    }
    return null;
  }

  /** The earliest day with data after {@code day}, or null. */
  public Integer after(int day) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (ranges[i + 1] > day) {
        return Math.max(ranges[i], day + 1);
      }
    }
    return null;
  }

  /** These days and {@code days}. */
  public MeterDays with(SortedSet<Integer> days) {
    SortedSet<Integer> all = new TreeSet<>(days);
    List<int[]> merged = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) {
      merged.add(new int[] {ranges[i], ranges[i + 1]});
    }
    for (int d : all) {
      merged.add(new int[] {d, d});
    }
    merged.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<Integer> out = new ArrayList<>();
    for (int[] r : merged) {
      int n = out.size();
      if (n > 0 && r[0] <= out.get(n - 1) + 1) {
        out.set(n - 1, Math.max(out.get(n - 1), r[1]));
      } else {
        out.add(r[0]);
        out.add(r[1]);
      }
    }
    return new MeterDays(out.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeterDays && Arrays.equals(ranges, ((MeterDays) o).ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges);
  }

  @Override
  public String toString() {
    return "MeterDays" + Arrays.toString(ranges);
  }
}
