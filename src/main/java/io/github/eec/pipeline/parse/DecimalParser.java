package io.github.eec.pipeline.parse;

/**
 * Parses a plain decimal number ({@code 12}, {@code -0.5}, {@code .5}, {@code 1.2e3}) from a slice
 * of a line, without allocating.
 *
 * <p>Hand-written because it is on the per-reading hot path and because {@link Double#parseDouble}
 * accepts what a meter feed must not ({@code NaN}, {@code Infinity}, hex floats, a trailing {@code
 * d}). Up to 15 significant digits and a power of ten up to 22 it is exact: both operands are exact
 * doubles and one IEEE division or multiplication rounds correctly (Clinger's fast path); anything
 * longer is validated here and handed to {@code parseDouble}.
 */
public final class DecimalParser {
  private DecimalParser() {}

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * Returns the value of {@code s[from, to)}, or {@code NaN} if it is not a finite decimal number.
   * Negative zero is returned as zero.
   */
  public static double parse(CharSequence s, int from, int to) {
    int i = from;
    if (i >= to) {
      return Double.NaN;
    }
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits kept in mantissa, leading zeros excluded
    int dropped = 0; // integer digits beyond what the mantissa keeps
    int fractionDigits = 0;
    int digits = 0;
    boolean exactMantissa = true;
    for (; i < to; i++) {
      c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      digits++;
      if (significant < 18) {
        mantissa = mantissa * 10 + (c - '0');
        if (mantissa != 0) {
          significant++;
        }
      } else {
        dropped++;
        exactMantissa = false;
      }
    }
    if (i < to && s.charAt(i) == '.') {
      i++;
      for (; i < to; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        digits++;
        if (significant < 18) {
          mantissa = mantissa * 10 + (c - '0');
          fractionDigits++;
          if (mantissa != 0) {
            significant++;
          }
        } else {
          exactMantissa = false;
        }
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    boolean exactExponent = true;
    if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        negativeExponent = s.charAt(i) == '-';
        i++;
      }
      int expDigits = 0;
      for (; i < to; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        if (exponent < 100_000) {
          exponent = exponent * 10 + (c - '0');
        } else {
          // Saturated: the true exponent is larger, so the fast path must not use this one (with
          // enough leading fraction zeros the scale could otherwise look small).
          exactExponent = false;
        }
        expDigits++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (i != to) {
      return Double.NaN;
    }
    double value;
    int scale = exponent - fractionDigits + dropped;
    if (exactMantissa && exactExponent && significant <= 15 && scale >= -22 && scale <= 22) {
      value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    } else {
      value = Double.parseDouble(s.subSequence(from, to).toString());
      value = Math.abs(value);
      if (Double.isInfinite(value)) {
        return Double.NaN;
      }
      return negative && value != 0 ? -value : value;
    }
    return negative && value != 0 ? -value : value;
  }
}
