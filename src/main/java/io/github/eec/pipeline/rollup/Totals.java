package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.model.ExactSum;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A region's running totals: an exact energy sum (so a region's total does not depend on the order
 * in which a runner adds its meters), the meters that reported, their readings.
 */
public final class Totals {
  final ExactSum energy = new ExactSum();
  long reporting;
  long readings;

  void add(double energyMwh, boolean reported, long readingCount) {
    energy.add(energyMwh);
    reporting += reported ? 1 : 0;
    readings += readingCount;
  }

  void merge(Totals other) {
    energy.addAll(other.energy);
    reporting += other.reporting;
    readings += other.readings;
  }

  /** Deterministic coder: the counts, then the exact sum's canonical terms. */
  public static final class Coder extends AtomicCoder<Totals> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Totals t, OutputStream out) throws IOException {
      VarLongCoder.of().encode(t.reporting, out);
      VarLongCoder.of().encode(t.readings, out);
      double[] terms = t.energy.canonicalTerms();
      VarIntCoder.of().encode(terms.length, out);
      DataOutputStream data = new DataOutputStream(out);
      for (double d : terms) {
        data.writeDouble(d);
      }
      data.flush();
    }

    @Override
    public Totals decode(InputStream in) throws IOException {
      Totals t = new Totals();
      t.reporting = VarLongCoder.of().decode(in);
      t.readings = VarLongCoder.of().decode(in);
      int n = VarIntCoder.of().decode(in);
      if (n < 0 || n > 1100) {
        throw new CoderException("corrupt totals: " + n + " terms");
      }
      DataInputStream data = new DataInputStream(in);
      double[] terms = new double[n];
      for (int i = 0; i < n; i++) {
        terms[i] = data.readDouble();
      }
      t.energy.addAll(ExactSum.ofCanonicalTerms(terms));
      return t;
    }
  }
}
