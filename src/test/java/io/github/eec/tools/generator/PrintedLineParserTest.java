package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import org.junit.Test;

/** The generator's own reading of the README's input rules. */
public class PrintedLineParserTest {

  private static PrintedReading accepted(String line) {
    PrintedLineParser.Result r = PrintedLineParser.parse(line);
    assertTrue(line + " -> " + r, r.isReading());
    assertNull(r.rejectReason);
    return r.reading;
  }

  private static void rejected(String reason, String line) {
    assertEquals(line, reason, PrintedLineParser.parse(line).rejectReason);
  }

  private static long utc(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  public void acceptsTheReadmeFormats() {
    assertEquals(
        new PrintedReading("MTR-000001", utc("2024-02-29T13:45:07Z"), 123.456, 7.0),
        accepted("MTR-000001,2024-02-29 13:45:07,123.456,7"));
    assertEquals(utc("2024-02-29T13:45:00Z"), accepted("A,2024-02-29 13:45,1,1").timeMillis());
    assertEquals(utc("2024-02-29T13:45:07Z"), accepted("A,2024-02-29T13:45:07Z,1,1").timeMillis());
    assertEquals(utc("2024-02-29T13:45:07Z"), accepted("A,2024-02-29T13:45:07,1,1").timeMillis());
    assertEquals(utc("2024-02-29T13:45:00Z"), accepted("A,2024-02-29T13:45Z,1,1").timeMillis());
    assertEquals(
        utc("2024-02-29T12:45:07Z"), accepted("A,2024-02-29T13:45:07+01:00,1,1").timeMillis());
    assertEquals(
        utc("2024-02-29T13:45:07.123Z"), accepted("A,2024-02-29 13:45:07.1239,1,1").timeMillis());
    assertEquals(1200.0, accepted("A,2024-02-29 13:45,1.2e3,0").energy(), 0);
    assertEquals("MTR 7", accepted("  MTR 7 ,2024-02-29 13:45,1,1").meter());
  }

  @Test
  public void headerIsSkippedNotRejected() {
    PrintedLineParser.Result r = PrintedLineParser.parse("meter,time,energy,power");
    assertTrue(r.header);
    assertNull(r.rejectReason);
  }

  @Test
  public void rejectsWithTheReadmeReasons() {
    rejected("EMPTY_LINE", "");
    rejected("EMPTY_LINE", "   ");
    rejected("WRONG_FIELD_COUNT", "A,2024-02-29 13:45,1");
    rejected("WRONG_FIELD_COUNT", "A,2024-02-29 13:45,1,2,3");
    rejected("WRONG_FIELD_COUNT", "A;2024-02-29 13:45;1;2");
    rejected("EMPTY_METER", " ,2024-02-29 13:45,1,2");
    rejected("BAD_TIME", "A,2024-02-30 12:00:00,1,2");
    rejected("BAD_TIME", "A,2023-02-29 12:00:00,1,2");
    rejected("BAD_TIME", "A,2024-02-28 25:61:00,1,2");
    rejected("BAD_TIME", "A,2024-02-28 12:00:00Z,1,2");
    rejected("BAD_TIME", "A,28/02/2024 12:00,1,2");
    rejected("BAD_TIME", "A,,1,2");
    for (String bad :
        new String[] {"NaN", "Infinity", "abc", "0x1p3", "", "1.2.3", "12.5d", "1e", "-", "."}) {
      rejected("BAD_ENERGY", "A,2024-02-29 13:45," + bad + ",2");
      rejected("BAD_POWER", "A,2024-02-29 13:45,1," + bad);
    }
    rejected("NEGATIVE_ENERGY", "A,2024-02-29 13:45,-1,2");
    rejected("NEGATIVE_POWER", "A,2024-02-29 13:45,1,-0.001");
  }
}
