package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.RejectReason;
import io.github.eec.pipeline.parse.ReadingLineParser.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ReadingLineParserTest {
  private static final String BOM = "\uFEFF";

  private final ReadingLineParser parser = new ReadingLineParser(ReadingRules.defaults());

  private static long utc(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  private void assertReading(String line, String meter, long time, double energy, double power) {
    assertEquals(line, Outcome.READING, parser.parse(line));
    assertEquals(line, meter, parser.meter());
    assertEquals(line, time, parser.timeMillis());
    // Bit-exact, so that -0.0 is told apart from 0.0.
    assertEquals(line, bits(energy), bits(parser.energyMwh()));
    assertEquals(line, bits(power), bits(parser.powerMw()));
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  private void assertRejected(String line, RejectReason reason) {
    assertEquals(line, Outcome.REJECTED, parser.parse(line));
    assertEquals(line, reason, parser.reason());
    assertTrue(line, parser.detail() != null && !parser.detail().isEmpty());
  }

  @Test
  public void validLine() {
    long t = utc("2024-01-01T10:00:00Z");
    assertReading("A,2024-01-01 10:00:00,1234.5,300", "A", t, 1234.5, 300);
    assertReading(
        "meter-42,2024-01-01T10:00:00.250+02:00,1.2e3,0",
        "meter-42",
        utc("2024-01-01T08:00:00.250Z"),
        1200,
        0);
    assertReading("A,2024-01-01 10:00,.5,5.", "A", t, 0.5, 5);
    assertReading("A,2024-01-01T10:00Z,0,+7", "A", t, 0, 7);
    // Negative zero is zero, not a negative reading, and comes back as +0.0.
    assertReading("A,2024-01-01T10:00Z,-0,-0.0", "A", t, 0.0, 0.0);
    // Meter ids are any text without a comma.
    assertReading("Zähler Nr. 7 / \"Süd\",2024-01-01 10:00,1,2", "Zähler Nr. 7 / \"Süd\"", t, 1, 2);
  }

  @Test
  public void blanksAroundFieldsAreTrimmed() {
    long t = utc("2024-01-01T10:00:00Z");
    assertReading("  A  ,  2024-01-01 10:00:00  , 1.5 ,  2  ", "A", t, 1.5, 2);
    assertReading("\tA\t,\t2024-01-01 10:00:00\t,\t1.5\t,\t2\t", "A", t, 1.5, 2);
    assertReading("meter one , 2024-01-01 10:00 ,1.5,2", "meter one", t, 1.5, 2);
  }

  @Test
  public void carriageReturnAndByteOrderMark() {
    long t = utc("2024-01-01T10:00:00Z");
    assertReading("A,2024-01-01 10:00:00,1,2\r", "A", t, 1, 2);
    assertReading("A,2024-01-01 10:00:00,1,2\r\n", "A", t, 1, 2);
    assertReading(BOM + "A,2024-01-01 10:00:00,1,2", "A", t, 1, 2);
    assertReading(BOM + "  A,2024-01-01 10:00:00,1,2\r", "A", t, 1, 2);
    // The BOM is only skipped at the very start; anywhere else it is part of the text.
    assertReading("A" + BOM + ",2024-01-01 10:00:00,1,2", "A" + BOM, t, 1, 2);
  }

  @Test
  public void timeIsInTheParsersZone() {
    ReadingLineParser paris =
        new ReadingLineParser(ReadingRules.defaults().withTimeZone("Europe/Paris"));
    String line = "A,2024-07-01 12:00:00,1,2";
    assertEquals(Outcome.READING, paris.parse(line));
    assertEquals(
        LocalDateTime.parse("2024-07-01T12:00:00")
            .atZone(ZoneId.of("Europe/Paris"))
            .toInstant()
            .toEpochMilli(),
        paris.timeMillis());
    assertEquals(utc("2024-07-01T10:00:00Z"), paris.timeMillis());
    // An explicit offset is not moved by the zone.
    assertEquals(Outcome.READING, paris.parse("A,2024-07-01T12:00:00Z,1,2"));
    assertEquals(utc("2024-07-01T12:00:00Z"), paris.timeMillis());
  }

  @Test
  public void header() {
    assertEquals(Outcome.HEADER, parser.parse("meter,time,energy,power"));
    assertEquals(Outcome.HEADER, parser.parse("METER,Time,Energy,POWER"));
    assertEquals(Outcome.HEADER, parser.parse(BOM + "meter,time,energy,power"));
    assertEquals(Outcome.HEADER, parser.parse("  meter,time,energy,power \t"));
    assertEquals(Outcome.HEADER, parser.parse("meter,time,energy,power\r"));
    assertEquals(Outcome.HEADER, parser.parse(BOM + " meter,time,energy,power\r\n"));
    // Not the header: another text in a header-like shape is an ordinary (bad) line.
    assertRejected("meter,time,energy,powers", RejectReason.BAD_TIME);
    assertRejected("meters,time,energy,power", RejectReason.BAD_TIME);
    assertRejected("meter,time,energy", RejectReason.WRONG_FIELD_COUNT);
    assertRejected("meter,time,energy,power,", RejectReason.WRONG_FIELD_COUNT);
  }

  @Test
  public void emptyLine() {
    for (String line : new String[] {"", " ", "\t", "\r", "\r\n", "  \t \r", BOM, BOM + "  \r"}) {
      assertRejected(line, RejectReason.EMPTY_LINE);
    }
  }

  @Test
  public void wrongFieldCount() {
    assertRejected("A,2024-01-01 10:00,1", RejectReason.WRONG_FIELD_COUNT);
    assertTrue(parser.detail(), parser.detail().contains("got 3"));
    assertRejected("A,2024-01-01 10:00,1,2,3", RejectReason.WRONG_FIELD_COUNT);
    assertTrue(parser.detail(), parser.detail().contains("got 5"));
    assertRejected("A,2024-01-01 10:00,1,2,", RejectReason.WRONG_FIELD_COUNT);
    assertRejected("A", RejectReason.WRONG_FIELD_COUNT);
    assertTrue(parser.detail(), parser.detail().contains("got 1"));
    assertRejected("A;2024-01-01 10:00;1;2", RejectReason.WRONG_FIELD_COUNT);
    assertRejected(",,,,", RejectReason.WRONG_FIELD_COUNT);
    assertRejected("A,2024-01-01 10:00,1,5\r,", RejectReason.WRONG_FIELD_COUNT);
  }

  @Test
  public void emptyMeter() {
    assertRejected(",2024-01-01 10:00,1,2", RejectReason.EMPTY_METER);
    assertRejected("   ,2024-01-01 10:00,1,2", RejectReason.EMPTY_METER);
    assertRejected(BOM + "\t,2024-01-01 10:00,1,2", RejectReason.EMPTY_METER);
    assertRejected(",,,", RejectReason.EMPTY_METER);
  }

  @Test
  public void badTime() {
    for (String time :
        new String[] {
          "",
          "  ",
          "2024-02-30 10:00",
          "2023-02-29 10:00",
          "2024-13-01 10:00",
          "2024-01-01 24:00",
          "yesterday",
          "2024-01-01",
          "2024-01-01 10:00+01:00",
          "1704103200000",
          "2024-01-01 10:00:60",
        }) {
      assertRejected("A," + time + ",1,2", RejectReason.BAD_TIME);
    }
    assertRejected("A,2024-02-30 10:00,1,2", RejectReason.BAD_TIME);
    assertTrue(parser.detail(), parser.detail().contains("2024-02-30 10:00"));
  }

  @Test
  public void rejectDetailOfAHugeTimeFieldStaysShort() {
    for (int length : new int[] {41, 1_000, 1_000_000}) {
      StringBuilder time = new StringBuilder("2024-01-01 10:00");
      while (time.length() < length) {
        time.append("0123456789");
      }
      String line = "A," + time + ",1,2";
      assertEquals(Outcome.REJECTED, parser.parse(line));
      String detail = parser.detail();
      assertTrue(length + ": detail of " + detail.length() + " chars", detail.length() < 200);
      if (length <= 1_000) {
        // (a megabyte line may be turned away before its fields are looked at)
        assertEquals(RejectReason.BAD_TIME, parser.reason());
        assertTrue(detail, detail.contains("2024-01-01 10:00"));
      }
    }
  }

  /** Cutting a long field must not leave half a surrogate pair, which UTF-8 cannot carry. */
  @Test
  public void badTimeDetailDoesNotSplitACharacter() {
    StringBuilder time = new StringBuilder();
    while (time.length() < 100) {
      time.append('x').append("\uD83D\uDD0C"); // an electric plug, two UTF-16 units
    }
    for (int shift = 0; shift < 3; shift++) {
      String line = "A," + "y".repeat(shift) + time + ",1,2";
      assertRejected(line, RejectReason.BAD_TIME);
      String detail = parser.detail();
      assertTrue(detail.length() < 200);
      byte[] utf8 = detail.getBytes(StandardCharsets.UTF_8);
      assertEquals(detail, new String(utf8, StandardCharsets.UTF_8));
    }
  }

  @Test
  public void badEnergy() {
    for (String energy :
        new String[] {
          "",
          " ",
          "NaN",
          "Infinity",
          "-Infinity",
          "0x1p3",
          "1.5d",
          "abc",
          "1e999",
          "1 2",
          "1e",
          "-",
          ".",
        }) {
      assertRejected("A,2024-01-01 10:00," + energy + ",2", RejectReason.BAD_ENERGY);
    }
  }

  @Test
  public void negativeEnergy() {
    assertRejected("A,2024-01-01 10:00,-1,2", RejectReason.NEGATIVE_ENERGY);
    assertRejected("A,2024-01-01 10:00,-0.001,2", RejectReason.NEGATIVE_ENERGY);
    assertRejected("A,2024-01-01 10:00,-1e-300,2", RejectReason.NEGATIVE_ENERGY);
    // Energy is checked before power.
    assertRejected("A,2024-01-01 10:00,-1,-2", RejectReason.NEGATIVE_ENERGY);
    assertRejected("A,2024-01-01 10:00,-1,NaN", RejectReason.NEGATIVE_ENERGY);
  }

  @Test
  public void badPower() {
    for (String power :
        new String[] {
          "", " ", "NaN", "Infinity", "-Infinity", "0x10", "2f", "two", "1e400", "1;2", "+", "1..2",
        }) {
      assertRejected("A,2024-01-01 10:00,1," + power, RejectReason.BAD_POWER);
    }
  }

  @Test
  public void negativePower() {
    assertRejected("A,2024-01-01 10:00,1,-2", RejectReason.NEGATIVE_POWER);
    assertRejected("A,2024-01-01 10:00,1, -0.5 \r", RejectReason.NEGATIVE_POWER);
  }

  @Test
  public void checksRunInFieldOrder() {
    assertRejected(",bad,bad,bad", RejectReason.EMPTY_METER);
    assertRejected("A,bad,bad,bad", RejectReason.BAD_TIME);
    assertRejected("A,2024-01-01 10:00,bad,bad", RejectReason.BAD_ENERGY);
    assertRejected("A,2024-01-01 10:00,1,bad", RejectReason.BAD_POWER);
  }

  /** One parser is reused for every line: nothing from one line may leak into the next. */
  @Test
  public void reuseAcrossLines() {
    assertRejected("A,2024-01-01 10:00,-1,2", RejectReason.NEGATIVE_ENERGY);
    assertReading("B,2024-01-01 11:00,3,4", "B", utc("2024-01-01T11:00:00Z"), 3, 4);
    assertEquals(Outcome.HEADER, parser.parse("meter,time,energy,power"));
    assertReading("C,2024-01-01 12:00,5,6", "C", utc("2024-01-01T12:00:00Z"), 5, 6);
    assertRejected("", RejectReason.EMPTY_LINE);
    assertFalse(parser.detail().isEmpty());
  }
}
