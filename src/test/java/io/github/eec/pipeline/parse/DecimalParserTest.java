package io.github.eec.pipeline.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class DecimalParserTest {

  private static double parse(String s) {
    return DecimalParser.parse(s, 0, s.length());
  }

  /** The input for a failure message, shortened so a 100 000-digit input stays readable. */
  private static String shown(String s) {
    return s.length() <= 80
        ? s
        : s.substring(0, 40) + "...(" + s.length() + " chars)..." + s.substring(s.length() - 30);
  }

  /** Bit-exact comparison, so that -0.0 versus 0.0 and the last ulp both count. */
  private static void assertBits(String input, double expected, double actual) {
    assertEquals(
        "parse(\"" + shown(input) + "\"): expected " + expected + " but was " + actual,
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(actual));
  }

  /** The value must equal what Double.parseDouble makes of the same (valid) text. */
  private static void assertLikeJdk(String s) {
    assertBits(s, Double.parseDouble(s), parse(s));
  }

  private static void assertRejected(String s) {
    double v = parse(s);
    assertTrue("expected NaN for \"" + shown(s) + "\" but was " + v, Double.isNaN(v));
  }

  @Test
  public void integers() {
    assertBits("0", 0.0, parse("0"));
    assertBits("7", 7.0, parse("7"));
    assertBits("123", 123.0, parse("123"));
    assertBits("000123", 123.0, parse("000123"));
    assertBits("1000000", 1_000_000.0, parse("1000000"));
    assertBits("999999999999999", 999_999_999_999_999.0, parse("999999999999999"));
  }

  @Test
  public void decimals() {
    assertBits("123.45", 123.45, parse("123.45"));
    assertBits("0.1", 0.1, parse("0.1"));
    assertBits("0.3", 0.3, parse("0.3"));
    assertBits("2.5", 2.5, parse("2.5"));
    assertBits("1.000", 1.0, parse("1.000"));
    assertBits("0.000001", 1e-6, parse("0.000001"));
    for (String s : new String[] {"3.14159", "0.07", "98765.4321", "0.0000000000000000000123"}) {
      assertLikeJdk(s);
    }
  }

  @Test
  public void leadingOrTrailingPointAndPlusSign() {
    assertBits(".5", 0.5, parse(".5"));
    assertBits("5.", 5.0, parse("5."));
    assertBits("+5", 5.0, parse("+5"));
    assertBits("+.5", 0.5, parse("+.5"));
    assertBits("-.5", -0.5, parse("-.5"));
    assertBits("+5.25", 5.25, parse("+5.25"));
  }

  @Test
  public void exponents() {
    assertBits("1.2e3", 1200.0, parse("1.2e3"));
    assertBits("1E-2", 0.01, parse("1E-2"));
    assertBits("1e+2", 100.0, parse("1e+2"));
    assertBits("5E0", 5.0, parse("5E0"));
    assertBits(".5e1", 5.0, parse(".5e1"));
    assertBits("5.e1", 50.0, parse("5.e1"));
    assertBits("-2.5e-3", -0.0025, parse("-2.5e-3"));
    for (String s :
        new String[] {
          "1e22",
          "1e23",
          "1e-22",
          "1e-23",
          "123456789012345e22",
          "1.7976931348623157e308",
          "4.9e-324",
          "2.2250738585072014E-308",
          "1e-400",
          "1e00000000000000000000000005",
          "0.000000000000000000000000000000001e33"
        }) {
      assertLikeJdk(s);
    }
  }

  @Test
  public void longMantissasAreCorrectlyRounded() {
    String[] inputs = {
      // 16 and 17 significant digits: past the fast path's 15.
      "9007199254740993", // 2^53 + 1, a tie: rounds to even
      "9007199254740995",
      "1234567890123456.7",
      "0.12345678901234567",
      "3.0000000000000004",
      // 18 digits: exactly what the mantissa keeps
      "123456789012345678",
      "0.100000000000000005",
      // more than 18 digits: digits beyond the kept ones decide the rounding
      "9007199254740993.0000000000000000001",
      "9007199254740992.9999999999999999999",
      "12345678901234567890123456789",
      "0.1000000000000000055511151231257827021181583404541015625", // exact value of 0.1
      "0.1000000000000000055511151231257827021181583404541015626",
      // halfway between 0 and the smallest subnormal, exactly (ties to even: 0), and just above
      new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2)).toPlainString(),
      new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2)).toPlainString() + "1",
      // halfway between 1 and its successor, and just above
      new BigDecimal(1).add(new BigDecimal(Math.ulp(1.0)).divide(BigDecimal.valueOf(2))).toString(),
      new BigDecimal(1).add(new BigDecimal(Math.ulp(1.0)).divide(BigDecimal.valueOf(2))) + "1",
    };
    for (String s : inputs) {
      assertLikeJdk(s);
      assertBits(s, new BigDecimal(s).doubleValue(), parse(s));
    }
  }

  @Test
  public void negativeNumbersAndNegativeZero() {
    assertBits("-5", -5.0, parse("-5"));
    assertBits("-123.45", -123.45, parse("-123.45"));
    assertBits("-1e3", -1000.0, parse("-1e3"));
    assertBits("-12345678901234567890", -12345678901234567890.0, parse("-12345678901234567890"));
    // Negative zero comes back as positive zero, on the fast and the slow path.
    for (String s :
        new String[] {"-0", "-0.0", "-.0", "-0e5", "-0.000000000000000000000000000", "-1e-400"}) {
      assertBits(s, 0.0, parse(s));
    }
  }

  @Test
  public void rejectsWhatIsNotAFiniteDecimal() {
    String[] rejects = {
      "",
      "-",
      "+",
      ".",
      "-.",
      "e5",
      ".e5",
      "1e",
      "1e+",
      "1e-",
      "1ee2",
      "1e2.5",
      "NaN",
      "-NaN",
      "Infinity",
      "-Infinity",
      "+Infinity",
      "0x1p3",
      "0x10",
      "1.5d",
      "1.5f",
      "1.5D",
      "1,5",
      "1 2",
      " 1",
      "1 ",
      "1. 5",
      "1 .5",
      "1e 5",
      "- 1",
      "--1",
      "+-1",
      "1..2",
      "1.2.3",
      "1e999",
      "-1e999",
      "1.8e308",
      "99999999999999999999e300",
      "١٢٣",
      "1_000",
      "abc",
    };
    for (String s : rejects) {
      assertRejected(s);
    }
  }

  /**
   * A huge exponent whose digits do not all fit in the parser's accumulator must not be taken as a
   * small one: with a hundred thousand leading fraction zeros the scale would otherwise look tiny.
   */
  @Test
  public void hugeExponentIsNotTruncated() {
    StringBuilder sb = new StringBuilder("0.");
    for (int k = 0; k < 99_999; k++) {
      sb.append('0');
    }
    sb.append('1'); // 1e-100000
    String tiny = sb.toString();
    assertBits(tiny, 0.0, parse(tiny));
    assertRejected(tiny + "e1000000000"); // 1e999900000: overflow
    assertLikeJdk(tiny + "e100005"); // 1e5
    assertLikeJdk(tiny + "e100000"); // 1
    assertBits(tiny + "e-1000000000", 0.0, parse(tiny + "e-1000000000"));
  }

  @Test
  public void parsesOnlyTheSlice() {
    String line = "A,12.5e1,99";
    assertBits("12.5e1", 125.0, DecimalParser.parse(line, 2, 8));
    assertBits("99", 99.0, DecimalParser.parse(line, 9, 11));
    assertBits("12.", 12.0, DecimalParser.parse(line, 2, 5));
    assertBits("1", 1.0, DecimalParser.parse(line, 2, 3));
    assertRejected(line.substring(2, 2));
    assertTrue(Double.isNaN(DecimalParser.parse(line, 2, 2)));
    assertTrue(Double.isNaN(DecimalParser.parse(line, 1, 8))); // includes the comma
    // A long mantissa (slow path) in the middle of a line.
    String longLine = "x,1234567890.12345678901234567890,y";
    assertBits(
        "1234567890.12345678901234567890",
        Double.parseDouble("1234567890.12345678901234567890"),
        DecimalParser.parse(longLine, 2, longLine.length() - 2));
    // A StringBuilder is a CharSequence too.
    assertBits("sb", 0.25, DecimalParser.parse(new StringBuilder("[0.25]"), 1, 5));
  }

  /** For random doubles in both printed forms, parse agrees with Double.parseDouble to the bit. */
  @Test
  public void randomDoublesRoundTripLikeParseDouble() {
    Random random = new Random(20240331L);
    for (int n = 0; n < 4000; n++) {
      double d;
      switch (n % 4) {
        case 0: // any finite double, both signs, all magnitudes
          do {
            d = Double.longBitsToDouble(random.nextLong());
          } while (Double.isNaN(d) || Double.isInfinite(d));
          break;
        case 1: // meter-like magnitudes
          d = random.nextDouble() * Math.pow(10, random.nextInt(12));
          break;
        case 2: // few decimals, the fast path
          d = Math.round(random.nextDouble() * 1e7) / Math.pow(10, random.nextInt(8));
          break;
        default: // around the fast-path limits 1e15 .. 1e23
          d = random.nextDouble() * Math.pow(10, 14 + random.nextInt(10));
          break;
      }
      String shortest = Double.toString(d);
      String plain = new BigDecimal(d).toPlainString(); // the exact binary value, all its digits
      String plainShort = BigDecimal.valueOf(d).toPlainString();
      for (String s : new String[] {shortest, plain, plainShort, shortest.toLowerCase()}) {
        double expected = Double.parseDouble(s);
        if (expected == 0) {
          expected = 0.0; // -0 is returned as +0
        }
        assertBits(s, expected, parse(s));
      }
    }
  }

  /** Numbers with many digits, built digit by digit, against BigDecimal's correct rounding. */
  @Test
  public void randomLongDigitStringsMatchBigDecimal() {
    Random random = new Random(42L);
    for (int n = 0; n < 3000; n++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextInt(4) == 0) {
        sb.append('-');
      }
      int intDigits = random.nextInt(25);
      for (int k = 0; k < intDigits; k++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      int fracDigits = random.nextInt(25);
      if (intDigits == 0 && fracDigits == 0) {
        fracDigits = 1;
      }
      if (fracDigits > 0 || random.nextBoolean()) {
        sb.append('.');
      }
      for (int k = 0; k < fracDigits; k++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(61) - 30);
      }
      String s = sb.toString();
      double expected = new BigDecimal(s).doubleValue();
      if (expected == 0) {
        expected = 0.0;
      }
      assertBits(s, expected, parse(s));
    }
  }
}
