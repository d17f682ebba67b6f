package io.github.eec.pipeline.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder for {@link HourlyMeterStats}. */
public final class HourlyMeterStatsCoder extends AtomicCoder<HourlyMeterStats> {
  private static final HourlyMeterStatsCoder INSTANCE = new HourlyMeterStatsCoder();
  private static final VarLongCoder VARLONG = VarLongCoder.of();

  public static HourlyMeterStatsCoder of() {
    return INSTANCE;
  }

  private HourlyMeterStatsCoder() {}

  /** For {@code @DefaultCoder} on {@link HourlyMeterStats}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(HourlyMeterStats.class), INSTANCE);
  }

  @Override
  public void encode(HourlyMeterStats s, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(s.meter(), out);
    VARLONG.encode(s.windowStart(), out);
    VARLONG.encode(s.windowEnd(), out);
    VARLONG.encode(s.readings(), out);
    VarIntCoder.of().encode(s.registerResets(), out);
    DataOutputStream data = new DataOutputStream(out);
    data.writeDouble(s.energyMwh());
    data.writeDouble(s.powerMinMw());
    data.writeDouble(s.powerMaxMw());
    data.writeDouble(s.powerMeanMw());
    data.writeBoolean(s.isEstimated());
    data.flush();
  }

  @Override
  public HourlyMeterStats decode(InputStream in) throws IOException {
    String meter = StringUtf8Coder.of().decode(in);
    long start = VARLONG.decode(in);
    long end = VARLONG.decode(in);
    long readings = VARLONG.decode(in);
    int resets = VarIntCoder.of().decode(in);
    DataInputStream data = new DataInputStream(in);
    double energy = data.readDouble();
    double min = data.readDouble();
    double max = data.readDouble();
    double mean = data.readDouble();
    if (data.readBoolean()) {
      return HourlyMeterStats.estimated(meter, start, end, energy);
    }
    return new HourlyMeterStats(meter, start, end, energy, min, max, mean, readings, resets);
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
