package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.parse.ReadingLineParser.Outcome;
import java.time.Instant;
import org.junit.Test;

/** The plausibility rules on top of the syntax: length, encoding, time range, ceilings. */
public class ReadingRulesTest {
  private final ReadingLineParser parser =
      new ReadingLineParser(
          new ReadingRules(
              "UTC",
              1000.0,
              5000.0,
              Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(),
              Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()));

  private void assertRejected(String line, RejectReason reason) {
    assertEquals(
        line.length() > 80 ? line.substring(0, 80) : line, Outcome.REJECTED, parser.parse(line));
    assertEquals(reason, parser.reason());
    assertTrue(parser.detail().length() < 200);
  }

  @Test
  public void valuesAtTheLimitsAreAccepted() {
    assertEquals(Outcome.READING, parser.parse("A,2020-01-01 00:00:00,5000,1000"));
    assertEquals(Outcome.READING, parser.parse("A,2029-12-31 23:59:59.999,0,0"));
  }

  @Test
  public void timesOutsideThePlausibleRange() {
    assertRejected("A,2019-12-31 23:59:59.999,1,1", RejectReason.TIME_OUT_OF_RANGE);
    assertRejected("A,2030-01-01 00:00,1,1", RejectReason.TIME_OUT_OF_RANGE);
    assertRejected("A,1970-01-01T00:00:00Z,1,1", RejectReason.TIME_OUT_OF_RANGE);
    assertRejected("A,9999-12-31 23:59,1,1", RejectReason.TIME_OUT_OF_RANGE);
  }

  @Test
  public void absurdValuesAboveTheCeilings() {
    assertRejected("A,2024-01-01 00:00,5000.001,1", RejectReason.ENERGY_TOO_HIGH);
    assertRejected("A,2024-01-01 00:00,1,1000.5", RejectReason.POWER_TOO_HIGH);
    assertRejected("A,2024-01-01 00:00,1,1e300", RejectReason.POWER_TOO_HIGH);
  }

  @Test
  public void megabyteLineIsRejectedBeforeParsing() {
    StringBuilder sb = new StringBuilder("A,2024-01-01 00:00,1,");
    while (sb.length() < 1_000_000) {
      sb.append("1111111111");
    }
    assertRejected(sb.toString(), RejectReason.LINE_TOO_LONG);
    String exactlyAtLimit =
        "A,2024-01-01 00:00,1," + "0".repeat(ReadingLineParser.MAX_LINE_LENGTH - 21);
    assertEquals(ReadingLineParser.MAX_LINE_LENGTH, exactlyAtLimit.length());
    assertEquals(Outcome.READING, parser.parse(exactlyAtLimit));
  }

  @Test
  public void undecodableBytesAreRejected() {
    // What TextIO makes of bytes that are not UTF-8: U+FFFD replacement characters.
    assertRejected("M\uFFFD1,2024-01-01 00:00,1,1", RejectReason.INVALID_ENCODING);
    // Real non-ASCII text is fine.
    assertEquals(Outcome.READING, parser.parse("Zähler-Köln,2024-01-01 00:00,1,1"));
    assertEquals("Zähler-Köln", parser.meter());
  }
}
