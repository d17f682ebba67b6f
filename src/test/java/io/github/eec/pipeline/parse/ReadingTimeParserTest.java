package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ReadingTimeParserTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId PLUS_TWO = ZoneId.of("+02:00");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final ReadingTimeParser IN_UTC = new ReadingTimeParser(UTC);
  private static final ReadingTimeParser IN_PLUS_TWO = new ReadingTimeParser(PLUS_TWO);
  private static final ReadingTimeParser IN_BERLIN = new ReadingTimeParser(BERLIN);

  private static long parse(ReadingTimeParser parser, String s) {
    return parser.parse(s, 0, s.length());
  }

  /** What java.time makes of a time without offset ({@code ' '} or {@code 'T'}) in a zone. */
  private static long javaTimeLocal(String s, ZoneId zone) {
    return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant().toEpochMilli();
  }

  /** What java.time makes of an ISO time with {@code Z} or {@code ±HH:mm} / {@code ±HH}. */
  private static long javaTimeOffset(String s) {
    return OffsetDateTime.parse(s).toInstant().toEpochMilli();
  }

  private static void assertLocal(String s) {
    for (ReadingTimeParser parser : new ReadingTimeParser[] {IN_UTC, IN_PLUS_TWO, IN_BERLIN}) {
      assertEquals(s + " in " + parser.zone(), javaTimeLocal(s, parser.zone()), parse(parser, s));
    }
  }

  private static void assertInvalid(String s) {
    for (ReadingTimeParser parser : new ReadingTimeParser[] {IN_UTC, IN_PLUS_TWO, IN_BERLIN}) {
      assertEquals(
          "'" + s + "' in " + parser.zone() + " should be invalid",
          ReadingTimeParser.INVALID,
          parse(parser, s));
    }
  }

  @Test
  public void spaceFormWithSeconds() {
    assertEquals(
        Instant.parse("2024-01-01T10:15:30Z").toEpochMilli(), parse(IN_UTC, "2024-01-01 10:15:30"));
    assertLocal("2024-01-01 10:15:30");
    assertLocal("1970-01-01 00:00:00");
    assertLocal("1969-12-31 23:59:59");
    assertLocal("2000-02-29 12:00:00");
    assertLocal("0001-01-01 00:00:00");
    assertLocal("9999-12-31 23:59:59");
  }

  @Test
  public void spaceFormWithoutSeconds() {
    assertEquals(
        Instant.parse("2024-06-15T08:05:00Z").toEpochMilli(), parse(IN_UTC, "2024-06-15 08:05"));
    assertLocal("2024-06-15 08:05");
    assertLocal("2024-12-31 23:59");
  }

  @Test
  public void fractionsAreTruncatedToMillis() {
    long base = Instant.parse("2024-01-01T10:00:00Z").toEpochMilli();
    assertEquals(base + 500, parse(IN_UTC, "2024-01-01 10:00:00.5"));
    assertEquals(base + 50, parse(IN_UTC, "2024-01-01 10:00:00.05"));
    assertEquals(base + 5, parse(IN_UTC, "2024-01-01 10:00:00.005"));
    assertEquals(base + 120, parse(IN_UTC, "2024-01-01 10:00:00.12"));
    assertEquals(base + 123, parse(IN_UTC, "2024-01-01 10:00:00.123"));
    assertEquals(base + 123, parse(IN_UTC, "2024-01-01 10:00:00.1239"));
    assertEquals(base + 123, parse(IN_UTC, "2024-01-01 10:00:00.123456789"));
    assertEquals(base + 999, parse(IN_UTC, "2024-01-01 10:00:00.999999999"));
    assertEquals(base, parse(IN_UTC, "2024-01-01 10:00:00.0004"));
    // Before 1970 the fraction still counts forward from the whole second, as in java.time.
    assertLocal("1969-12-31 23:59:59.999");
    assertLocal("1969-12-31 23:59:59.5");
    for (String s :
        new String[] {
          "2024-01-01 10:00:00.5",
          "2024-01-01 10:00:00.123456789",
          "2024-01-01T10:00:00.1",
          "2024-07-01T10:00:00.987654"
        }) {
      assertLocal(s);
    }
    assertEquals(
        Instant.parse("2024-01-01T10:00:00.123Z").toEpochMilli(),
        parse(IN_BERLIN, "2024-01-01T10:00:00.123456789Z"));
  }

  @Test
  public void isoWithZuluOrOffset() {
    String[] withOffsetJavaTimeReads = {
      "2024-01-01T10:00Z", "2024-01-01T10:00:30Z", "2024-01-01T10:00:30.250Z",
      "2024-01-01T10:00+02:00", "2024-01-01T10:00:00+02:00", "2024-01-01T10:00:00.5-05:30",
      "2024-01-01T10:00+05", "2024-01-01T10:00-08", "2024-01-01T00:30+14:00",
      "2024-01-01T23:30-12:00", "2024-01-01T10:00+18:00", "2024-01-01T10:00-18:00",
      "2024-01-01T10:00+00:00", "2024-01-01T10:00-00:00", "1969-12-31T23:59:59.999+01:00",
    };
    for (String s : withOffsetJavaTimeReads) {
      long expected = javaTimeOffset(s);
      // The offset in the text wins over the configured zone.
      assertEquals(s, expected, parse(IN_UTC, s));
      assertEquals(s, expected, parse(IN_PLUS_TWO, s));
      assertEquals(s, expected, parse(IN_BERLIN, s));
    }
    // ±HHmm: java.time's ISO parser does not read it, so compare with an explicit pattern.
    DateTimeFormatter basicOffset = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]xx");
    for (String s : new String[] {"2024-01-01T10:00-0530", "2024-01-01T10:00:15+0200"}) {
      long expected = OffsetDateTime.parse(s, basicOffset).toInstant().toEpochMilli();
      assertEquals(s, expected, parse(IN_UTC, s));
      assertEquals(s, expected, parse(IN_BERLIN, s));
    }
    assertEquals(
        Instant.parse("2024-01-01T15:30:00Z").toEpochMilli(),
        parse(IN_UTC, "2024-01-01T10:00-0530"));
  }

  @Test
  public void isoWithoutOffsetIsInTheConfiguredZone() {
    assertLocal("2024-01-01T10:00");
    assertLocal("2024-01-01T10:00:30");
    assertLocal("2024-07-01T10:00:30.125");
    assertEquals(
        Instant.parse("2024-01-01T08:00:00Z").toEpochMilli(),
        parse(IN_PLUS_TWO, "2024-01-01T10:00"));
    assertEquals(
        Instant.parse("2024-07-01T08:00:00Z").toEpochMilli(),
        parse(IN_BERLIN, "2024-07-01T10:00")); // CEST, +02:00
    assertEquals(
        Instant.parse("2024-01-01T09:00:00Z").toEpochMilli(),
        parse(IN_BERLIN, "2024-01-01T10:00")); // CET, +01:00
  }

  @Test
  public void zoneOptionFixedOffsetAndRegion() {
    String s = "2024-03-15 12:00:00";
    assertEquals(Instant.parse("2024-03-15T12:00:00Z").toEpochMilli(), parse(IN_UTC, s));
    assertEquals(Instant.parse("2024-03-15T10:00:00Z").toEpochMilli(), parse(IN_PLUS_TWO, s));
    assertEquals(Instant.parse("2024-03-15T11:00:00Z").toEpochMilli(), parse(IN_BERLIN, s));
    // Other spellings of fixed zones behave like the offset they stand for.
    for (String zone : new String[] {"Z", "GMT", "UTC+02:00", "Etc/GMT-2", "-03:30"}) {
      ReadingTimeParser parser = new ReadingTimeParser(ZoneId.of(zone));
      assertEquals(zone, javaTimeLocal(s, ZoneId.of(zone)), parse(parser, s));
    }
    assertEquals(BERLIN, IN_BERLIN.zone());
  }

  @Test
  public void daylightSavingGapIsShiftedForward() {
    // Europe/Berlin skips 02:00..03:00 on 2024-03-31: 02:30 becomes 03:30 CEST = 01:30Z.
    String gap = "2024-03-31 02:30";
    long expected = Instant.parse("2024-03-31T01:30:00Z").toEpochMilli();
    assertEquals(expected, javaTimeLocal(gap, BERLIN));
    assertEquals(expected, parse(IN_BERLIN, gap));
    assertEquals(expected + 15_250, parse(IN_BERLIN, "2024-03-31T02:30:15.250"));
    assertEquals(javaTimeLocal("2024-03-31T02:00", BERLIN), parse(IN_BERLIN, "2024-03-31T02:00"));
    // Just before and after the gap are ordinary.
    assertEquals(
        Instant.parse("2024-03-31T00:59:00Z").toEpochMilli(), parse(IN_BERLIN, "2024-03-31 01:59"));
    assertEquals(
        Instant.parse("2024-03-31T01:00:00Z").toEpochMilli(), parse(IN_BERLIN, "2024-03-31 03:00"));
  }

  @Test
  public void daylightSavingOverlapTakesTheEarlierOffset() {
    // 02:00..03:00 happens twice on 2024-10-27 in Europe/Berlin; the earlier offset is +02:00.
    String overlap = "2024-10-27 02:30";
    long expected = Instant.parse("2024-10-27T00:30:00Z").toEpochMilli();
    assertEquals(expected, javaTimeLocal(overlap, BERLIN));
    assertEquals(expected, parse(IN_BERLIN, overlap));
    assertEquals(expected + 59_999, parse(IN_BERLIN, "2024-10-27T02:30:59.999"));
    // An explicit offset picks either occurrence.
    assertEquals(expected, parse(IN_BERLIN, "2024-10-27T02:30+02:00"));
    assertEquals(expected + 3_600_000, parse(IN_BERLIN, "2024-10-27T02:30+01:00"));
  }

  @Test
  public void calendarValidation() {
    assertInvalid("2024-02-30 00:00:00");
    assertInvalid("2023-02-29 00:00:00");
    assertLocal("2024-02-29 00:00:00");
    assertLocal("2000-02-29 00:00");
    assertInvalid("1900-02-29 00:00");
    assertInvalid("2024-04-31 00:00");
    assertInvalid("2024-06-31 00:00");
    assertInvalid("2024-09-31 00:00");
    assertInvalid("2024-11-31 00:00");
    assertLocal("2024-12-31 00:00");
    assertInvalid("2024-12-32 00:00");
    assertInvalid("2024-13-01 00:00:00");
    assertInvalid("2024-00-01 00:00:00");
    assertInvalid("2024-01-00 00:00:00");
    assertInvalid("2024-01-01 24:00:00");
    assertInvalid("2024-01-01 23:60:00");
    assertInvalid("2024-01-01 23:59:60");
    assertInvalid("2024-01-01T24:00Z");
    assertInvalid("2024-02-30T10:00+01:00");
  }

  @Test
  public void malformedText() {
    String[] invalid = {
      "",
      "2024-01-01",
      "2024-01-01 10",
      "2024-01-01 10:0", // too short
      "2024/01/01 10:00",
      "2024-01-01_10:00",
      "2024-01-01 10.00",
      "2024-01-01 10:00:",
      "2024-01-01 10:00:0",
      "2024-01-01 10:00.5", // fraction only after seconds
      "2024-01-01 10:00:00.", // a point without digits
      "2024-01-01 10:00:00.1234567890", // more than nanoseconds
      "2024-1-01 10:00:00",
      "24-01-01 10:00:00",
      "2024-01-01  10:00",
      " 2024-01-01 10:00",
      "2024-01-01 10:00 ",
      "2024-01-01 10:00x",
      "2024-01-01 10:00:00x",
      "2024-01-01 10:00:00.5x",
      "2024-01-01T10:00Zx",
      "2024-01-01T10:00ZZ",
      "2024-01-01T10:00+02:00x",
      "2024-01-01T10:00+02:00:00",
      "2024-01-01T10:00+2",
      "2024-01-01T10:00+02:",
      "2024-01-01T10:00+02:0",
      "2024-01-01T10:00+020",
      "2024-01-01T10:00+02:60",
      "2024-01-01T10:00+19:00",
      "2024-01-01T10:00+18:30", // beyond ±18:00, as java.time
      "2024-01-01T10:00-18:01",
      "2024-01-01T10:00 +02:00",
      "2024-01-01T10:00UTC",
      // offsets only with the T form
      "2024-01-01 10:00+01:00",
      "2024-01-01 10:00:00Z",
      "2024-01-01 10:00:00.5-05:00",
      "abcd-ef-gh ij:kl",
      "2024-0a-01 10:00",
      "+024-01-01 10:00",
      "-024-01-01 10:00",
      "2024-01-01 1a:00",
      "2024-01-01 10:0a",
      "2024-01-01 -1:00",
    };
    for (String s : invalid) {
      assertInvalid(s);
    }
  }

  @Test
  public void parsesOnlyTheSliceAndNeverReadsPastItsEnd() {
    String line = "x2024-01-01 10:00,5";
    long expected = Instant.parse("2024-01-01T10:00:00Z").toEpochMilli();
    assertEquals(expected, IN_UTC.parse(line, 1, 17));
    assertEquals(ReadingTimeParser.INVALID, IN_UTC.parse(line, 1, 16)); // cut short
    assertEquals(ReadingTimeParser.INVALID, IN_UTC.parse(line, 1, 18)); // includes the comma
    assertEquals(ReadingTimeParser.INVALID, IN_UTC.parse(line, 0, 17)); // includes the x

    // A sequence that fails on any read at or past `to` proves nothing beyond it is looked at.
    String[] valid = {
      "2024-01-01 10:00", "2024-01-01 10:00:30", "2024-01-01 10:00:30.123456",
      "2024-01-01T10:00Z", "2024-01-01T10:00:30+02:00", "2024-01-01T10:00-0530",
      "2024-01-01T10:00+05", "2024-01-01T10:00:30.5",
    };
    for (String s : valid) {
      for (ReadingTimeParser parser : new ReadingTimeParser[] {IN_UTC, IN_BERLIN}) {
        long whole = parse(parser, s);
        assertNotEquals(s, ReadingTimeParser.INVALID, whole);
        // Followed by text that would make it invalid if it were read.
        for (String tail : new String[] {"", ":", "0", ".", "+", "Z", ":99", "9999", ",x"}) {
          String at0 = s + tail;
          assertEquals(at0, whole, parser.parse(new Guarded(at0, s.length()), 0, s.length()));
          String at2 = "##" + s + tail;
          int to = 2 + s.length();
          assertEquals(at2, whole, parser.parse(new Guarded(at2, to), 2, to));
        }
        // Every shorter slice is either invalid or a valid shorter form (never an exception).
        for (int to = 0; to < s.length(); to++) {
          long shorter = parser.parse(new Guarded(s, to), 0, to);
          if (shorter != ReadingTimeParser.INVALID) {
            assertEquals(s.substring(0, to), parse(parser, s.substring(0, to)), shorter);
          }
        }
      }
    }
  }

  @Test
  public void isSerializableWithItsZone() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(IN_BERLIN);
    }
    ReadingTimeParser copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ReadingTimeParser) in.readObject();
    }
    assertEquals(BERLIN, copy.zone());
    assertEquals(parse(IN_BERLIN, "2024-10-27 02:30"), parse(copy, "2024-10-27 02:30"));
  }

  /**
   * Random instants, formatted by java.time in every accepted form and zone, parse back to what
   * java.time itself reads from the same text.
   */
  @Test
  public void randomInstantsFormattedByJavaTimeParseBack() {
    Random random = new Random(1234567L);
    ZoneId[] zones = {
      UTC,
      PLUS_TWO,
      BERLIN,
      ZoneId.of("America/New_York"),
      ZoneId.of("Australia/Lord_Howe"),
      ZoneId.of("Asia/Kolkata"),
      ZoneId.of("-09:30")
    };
    DateTimeFormatter space = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    DateTimeFormatter spaceMinutes = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    DateTimeFormatter basicOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");
    DateTimeFormatter hourOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssx");
    long min = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
    for (int n = 0; n < 5000; n++) {
      ZoneId zone = zones[random.nextInt(zones.length)];
      ReadingTimeParser parser = new ReadingTimeParser(zone);
      long second = min + (long) (random.nextDouble() * (max - min));
      int nanos;
      switch (random.nextInt(4)) {
        case 0:
          nanos = 0;
          break;
        case 1:
          nanos = random.nextInt(1000) * 1_000_000;
          break;
        case 2:
          nanos = random.nextInt(1000_000) * 1_000;
          break;
        default:
          nanos = random.nextInt(1_000_000_000);
      }
      Instant instant = Instant.ofEpochSecond(second, nanos);
      long expectedMillis = instant.toEpochMilli(); // truncated, as the parser does
      ZonedDateTime local = instant.atZone(zone);
      LocalDateTime ldt = local.toLocalDateTime();

      // Forms without offset: compare with java.time's own resolution in the zone (in an overlap
      // that may be the other occurrence than the instant formatted).
      String iso = ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      String spaced = iso.replace('T', ' ');
      String seconds = ldt.format(space);
      String minutes = ldt.format(spaceMinutes);
      for (String s : new String[] {iso, spaced, seconds, minutes}) {
        assertEquals(s + " in " + zone, javaTimeLocal(s, zone), parse(parser, s));
      }
      if (zone.getRules().isFixedOffset()) {
        assertEquals(iso + " in " + zone, expectedMillis, parse(parser, iso));
      }

      // Forms with an offset name the instant exactly, whatever the configured zone.
      ZoneOffset offset =
          random.nextBoolean()
              ? local.getOffset()
              : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 18 * 4) * 15 * 60);
      if (offset.getTotalSeconds() % 60 != 0) {
        offset = ZoneOffset.UTC; // local mean time before ~1900 has offset seconds: no text form
      }
      OffsetDateTime odt = instant.atOffset(offset);
      String isoOffset = odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertEquals(isoOffset, expectedMillis, parse(parser, isoOffset));
      assertEquals(isoOffset, javaTimeOffset(isoOffset), parse(parser, isoOffset));
      String isoUtc =
          instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertEquals(isoUtc, expectedMillis, parse(parser, isoUtc));
      long wholeSecondMillis = second * 1000L;
      String basic = odt.format(basicOffset);
      assertEquals(basic, wholeSecondMillis, parse(parser, basic));
      if (offset.getTotalSeconds() % 3600 == 0) {
        String hours = odt.format(hourOffset); // +HH, or Z for zero
        assertEquals(hours, wholeSecondMillis, parse(parser, hours));
      }
    }
  }

  /** A CharSequence that throws when read at or after {@code limit}. */
  private static final class Guarded implements CharSequence {
    private final String s;
    private final int limit;

    Guarded(String s, int limit) {
      this.s = s;
      this.limit = limit;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      if (index >= limit) {
        throw new AssertionError("read at " + index + ", the slice ends at " + limit + ": " + s);
      }
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      throw new AssertionError("subSequence must not be needed");
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
