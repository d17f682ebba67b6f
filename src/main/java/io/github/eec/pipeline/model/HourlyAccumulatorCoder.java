package io.github.eec.pipeline.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Compact, deterministic coder for {@link HourlyAccumulator}: varint count and times, raw doubles,
 * and the exact sum as its canonical terms (usually one or two), so equal accumulators encode to
 * equal bytes. It is what crosses the shuffle for every meter-hour, so it is kept small.
 */
public final class HourlyAccumulatorCoder extends AtomicCoder<HourlyAccumulator> {
  private static final HourlyAccumulatorCoder INSTANCE = new HourlyAccumulatorCoder();
  private static final VarLongCoder VARLONG = VarLongCoder.of();
  private static final VarIntCoder VARINT = VarIntCoder.of();

  /** Far above any real partial count; guards against decoding garbage into a huge array. */
  private static final int MAX_PARTIALS = 1100;

  public static HourlyAccumulatorCoder of() {
    return INSTANCE;
  }

  private HourlyAccumulatorCoder() {}

  /** For {@code @DefaultCoder} on {@link HourlyAccumulator}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(HourlyAccumulator.class), INSTANCE);
  }

  @Override
  public void encode(HourlyAccumulator a, OutputStream out) throws IOException {
    VARLONG.encode(a.count, out);
    if (a.count == 0) {
      return;
    }
    VARLONG.encode(a.firstTime, out);
    VARLONG.encode(a.lastTime, out);
    double[] terms = a.powerSum.canonicalTerms();
    VARINT.encode(terms.length, out);
    DataOutputStream data = new DataOutputStream(out);
    data.writeDouble(a.powerMin);
    data.writeDouble(a.powerMax);
    data.writeDouble(a.firstEnergy);
    data.writeDouble(a.lastEnergy);
    for (double term : terms) {
      data.writeDouble(term);
    }
    data.flush();
  }

  @Override
  public HourlyAccumulator decode(InputStream in) throws IOException {
    HourlyAccumulator a = new HourlyAccumulator();
    a.count = VARLONG.decode(in);
    if (a.count == 0) {
      return a;
    }
    a.firstTime = VARLONG.decode(in);
    a.lastTime = VARLONG.decode(in);
    int partials = VARINT.decode(in);
    if (partials < 0 || partials > MAX_PARTIALS) {
      throw new CoderException("corrupt accumulator: " + partials + " partial sums");
    }
    DataInputStream data = new DataInputStream(in);
    a.powerMin = data.readDouble();
    a.powerMax = data.readDouble();
    a.firstEnergy = data.readDouble();
    a.lastEnergy = data.readDouble();
    double[] terms = new double[partials];
    for (int i = 0; i < partials; i++) {
      terms[i] = data.readDouble();
    }
    a.powerSum = ExactSum.ofCanonicalTerms(terms);
    return a;
  }
}
