package io.github.eec.pipeline.merge;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.TreeSet;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.Test;

/** A meter's days with data: the nearest day before and after, and adding days. */
public class MeterDaysTest {
  @Test
  public void nearestDaysWithData() {
    MeterDays d = MeterDays.ofRanges(new int[] {10, 12, 20, 20, 30, 35});
    assertNull(d.before(10));
    assertEquals(Integer.valueOf(10), d.before(11));
    assertEquals(Integer.valueOf(12), d.before(19));
    assertEquals(Integer.valueOf(20), d.before(25));
    assertEquals(Integer.valueOf(34), d.before(35));
    assertEquals(Integer.valueOf(35), d.before(1000));
    assertEquals(Integer.valueOf(10), d.after(0));
    assertEquals(Integer.valueOf(20), d.after(12));
    assertEquals(Integer.valueOf(31), d.after(30));
    assertNull(d.after(35));
    assertNull(MeterDays.none().before(5));
  }

  @Test
  public void addingDaysKeepsTheRangesSortedAndMerged() {
    MeterDays d = MeterDays.ofRanges(new int[] {10, 12, 20, 20});
    assertArrayEquals(
        new int[] {5, 5, 10, 14, 20, 20},
        d.with(new TreeSet<>(java.util.List.of(13, 14, 5))).ranges());
    assertArrayEquals(
        new int[] {10, 20},
        d.with(new TreeSet<>(java.util.List.of(13, 14, 15, 16, 17, 18, 19))).ranges());
    assertArrayEquals(
        new int[] {10, 12, 20, 20}, d.with(new TreeSet<>(java.util.List.of(11, 20))).ranges());
  }

  @Test
  public void malformedRangesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> MeterDays.ofRanges(new int[] {1}));
    assertThrows(IllegalArgumentException.class, () -> MeterDays.ofRanges(new int[] {5, 4}));
    assertThrows(IllegalArgumentException.class, () -> MeterDays.ofRanges(new int[] {1, 5, 6, 8}));
  }

  @Test
  public void coder() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        MeterDaysCoder.of(), MeterDays.ofRanges(new int[] {-3, 0, 19000, 19400}));
    CoderProperties.coderDecodeEncodeEqual(MeterDaysCoder.of(), MeterDays.none());
  }
}
