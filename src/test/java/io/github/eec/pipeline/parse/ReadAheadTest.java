package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ReadAheadTest {
  @Test
  public void fullAtTheBoundUntilLinesAreCountedOff() {
    ReadAhead readAhead = ReadAhead.ofLines(100_000);
    assertTrue(readAhead.isBounded());
    assertFalse(readAhead.isFull());
    readAhead.read(60_000);
    assertFalse(readAhead.isFull());
    readAhead.read(60_000);
    assertTrue(readAhead.isFull());
    readAhead.parsed(30_000);
    assertFalse(readAhead.isFull());
    assertEquals(90_000, readAhead.linesInFlight());
  }

  @Test
  public void copiesShareTheCountAndOtherBoundsDoNot() {
    // What the runner does: each step gets its own deserialized copy of the DoFn holding it.
    ReadAhead readAhead = ReadAhead.ofLines(10_000);
    ReadAhead copy = SerializableUtils.clone(readAhead);
    readAhead.read(10_000);
    assertTrue(copy.isFull());
    copy.parsed(10_000);
    assertFalse(readAhead.isFull());
    ReadAhead other = ReadAhead.ofLines(10_000);
    readAhead.read(10_000);
    assertFalse(other.isFull());
  }

  @Test
  public void unboundedNeverWaitsNorCounts() {
    ReadAhead readAhead = ReadAhead.ofLines(0);
    assertFalse(readAhead.isBounded());
    readAhead.read(1_000_000_000L);
    assertFalse(readAhead.isFull());
    assertEquals(0, readAhead.linesInFlight());
    assertThrows(IllegalArgumentException.class, () -> ReadAhead.ofLines(-1));
    // Below a batch of the parse step's counting, a read fused with it could wait for ever.
    assertThrows(IllegalArgumentException.class, () -> ReadAhead.ofLines(4096));
  }
}
