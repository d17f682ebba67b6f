package io.github.eec.pipeline.model;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class ExactSumTest {

  private static double exact(List<Double> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    return sum.doubleValue();
  }

  @Test
  public void sumIsCorrectlyRoundedWhereNaiveSummationIsNot() {
    ExactSum s = new ExactSum();
    double[] values = {1e16, 1.0, -1e16, 0.1, 0.2};
    for (double v : values) {
      s.add(v);
    }
    assertEquals(1.3000000000000000444, s.value(), 0.0);
    double naive = 0;
    for (double v : values) {
      naive += v;
    }
    org.junit.Assert.assertNotEquals(naive, s.value(), 0.0);
  }

  @Test
  public void orderAndSplitDoNotChangeTheResult() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<Double> values = new ArrayList<>();
      int n = 1 + random.nextInt(500);
      for (int i = 0; i < n; i++) {
        values.add(random.nextDouble() * Math.pow(10, random.nextInt(12)));
      }
      double expected = exact(values);
      Collections.shuffle(values, random);
      int cut = random.nextInt(n + 1);
      ExactSum left = new ExactSum();
      ExactSum right = new ExactSum();
      for (int i = 0; i < n; i++) {
        (i < cut ? left : right).add(values.get(i));
      }
      right.addAll(left);
      assertEquals(expected, right.value(), 0.0);
    }
  }

  @Test
  public void emptySumIsZero() {
    assertEquals(0.0, new ExactSum().value(), 0.0);
  }

  @Test
  public void canonicalTermsDoNotDependOnOrder() {
    ExactSum a = new ExactSum();
    ExactSum b = new ExactSum();
    double[] values = {1e16, 1.0, 0.1, 3.5, 1e-5, 7e15};
    for (int i = 0; i < values.length; i++) {
      a.add(values[i]);
      b.add(values[values.length - 1 - i]);
    }
    org.junit.Assert.assertArrayEquals(a.canonicalTerms(), b.canonicalTerms(), 0.0);
    assertEquals(a, b);
    ExactSum restored = ExactSum.ofCanonicalTerms(a.canonicalTerms());
    assertEquals(a.value(), restored.value(), 0.0);
    restored.add(2.0);
    a.add(2.0);
    assertEquals(a, restored);
  }
}
