package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulatorCoder;
import io.github.eec.pipeline.model.HourlyMeterStatsCoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Coder of a meter's stream state, with the accumulator and row coders of the batch job. */
final class MeterStreamStateCoder extends AtomicCoder<MeterStreamState> {
  private static final MeterStreamStateCoder INSTANCE = new MeterStreamStateCoder();

  static MeterStreamStateCoder of() {
    return INSTANCE;
  }

  private MeterStreamStateCoder() {}

  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(MeterStreamState.class), INSTANCE);
  }

  @Override
  public void encode(MeterStreamState s, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeLong(s.knownWatermark);
    data.writeBoolean(s.before != null);
    if (s.before != null) {
      data.writeLong(s.before.timeMillis());
      data.writeDouble(s.before.energyMwh());
    }
    data.writeInt(s.hours.size());
    data.flush();
    for (Map.Entry<Long, MeterStreamState.Hour> e : s.hours.entrySet()) {
      MeterStreamState.Hour h = e.getValue();
      data.writeLong(e.getKey());
      data.writeInt(h.revision);
      data.flush();
      HourlyAccumulatorCoder.of().encode(h.accumulator, out);
      if (h.revision >= 0) {
        HourlyMeterStatsCoder.of().encode(h.emitted, out);
      }
    }
  }

  @Override
  public MeterStreamState decode(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    MeterStreamState s = new MeterStreamState();
    s.knownWatermark = data.readLong();
    if (data.readBoolean()) {
      s.before = new Anchor(data.readLong(), data.readDouble());
    }
    int n = data.readInt();
    for (int i = 0; i < n; i++) {
      long hour = data.readLong();
      int revision = data.readInt();
      MeterStreamState.Hour h = new MeterStreamState.Hour(HourlyAccumulatorCoder.of().decode(in));
      h.revision = revision;
      if (revision >= 0) {
        h.emitted = HourlyMeterStatsCoder.of().decode(in);
      }
      s.hours.put(hour, h);
    }
    return s;
  }
}
