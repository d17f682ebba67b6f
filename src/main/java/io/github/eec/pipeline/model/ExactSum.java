package io.github.eec.pipeline.model;

import java.util.Arrays;

/**
 * An exact running sum of doubles, kept as non-overlapping partials (Shewchuk's algorithm, the one
 * behind Python's {@code math.fsum}); {@link #value()} rounds the exact sum once.
 *
 * <p>Hand-written because nothing in the JDK or Beam sums exactly, and exactness is what makes the
 * mean independent of reading order and of how a runner splits and merges accumulators.
 */
public final class ExactSum {
  private double[] partials = new double[2];
  private int size;

  public void add(double x) {
    int kept = 0;
    for (int j = 0; j < size; j++) {
      double y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, kept * 2);
    }
    partials[kept++] = x;
    size = kept;
  }

  public void addAll(ExactSum other) {
    for (int j = 0; j < other.size; j++) {
      add(other.partials[j]);
    }
  }

  /** The exact sum, correctly rounded to a double. */
  public double value() {
    int n = size;
    if (n == 0) {
      return 0.0;
    }
    double hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) {
        break;
      }
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) {
        hi = x;
      }
    }
    return hi;
  }

  /**
   * The exact sum as a canonical expansion, smallest term first: the largest term is the sum
   * rounded, each next one the remainder rounded. The partials themselves depend on the order of
   * additions; this does not, so equal sums encode to equal bytes.
   */
  public double[] canonicalTerms() {
    ExactSum rest = new ExactSum();
    rest.addAll(this);
    double[] terms = new double[4];
    int n = 0;
    for (double v = rest.value(); v != 0.0; v = rest.value()) {
      if (n == terms.length) {
        terms = Arrays.copyOf(terms, n * 2);
      }
      terms[n++] = v;
      rest.add(-v);
    }
    double[] ascending = new double[n];
    for (int i = 0; i < n; i++) {
      ascending[i] = terms[n - 1 - i];
    }
    return ascending;
  }

  /** Restores a sum from {@link #canonicalTerms()}: they are non-overlapping, smallest first. */
  public static ExactSum ofCanonicalTerms(double[] ascending) {
    ExactSum s = new ExactSum();
    s.partials = ascending.length < 2 ? Arrays.copyOf(ascending, 2) : ascending;
    s.size = ascending.length;
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactSum
        && Arrays.equals(canonicalTerms(), ((ExactSum) o).canonicalTerms());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(canonicalTerms());
  }
}
