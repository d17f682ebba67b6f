package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulatorCoder;
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

/**
 * Deterministic coder for {@link TableHour}: meter, hour, resets, the accumulator (none for an
 * estimated row), energy, anchors.
 */
public final class TableHourCoder extends AtomicCoder<TableHour> {
  private static final TableHourCoder INSTANCE = new TableHourCoder();

  public static TableHourCoder of() {
    return INSTANCE;
  }

  private TableHourCoder() {}

  /** For {@code @DefaultCoder} on {@link TableHour}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(TableHour.class), INSTANCE);
  }

  @Override
  public void encode(TableHour t, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(t.meter(), out);
    VarLongCoder.of().encode(t.hourStart(), out);
    VarIntCoder.of().encode(t.registerResets(), out);
    DataOutputStream data = new DataOutputStream(out);
    data.writeBoolean(t.isEstimated());
    data.flush();
    if (!t.isEstimated()) {
      HourlyAccumulatorCoder.of().encode(t.accumulator(), out);
    }
    data.writeDouble(t.energyMwh());
    writeAnchor(data, t.prev());
    writeAnchor(data, t.next());
    data.flush();
  }

  @Override
  public TableHour decode(InputStream in) throws IOException {
    String meter = StringUtf8Coder.of().decode(in);
    long hourStart = VarLongCoder.of().decode(in);
    int resets = VarIntCoder.of().decode(in);
    DataInputStream data = new DataInputStream(in);
    var accumulator = data.readBoolean() ? null : HourlyAccumulatorCoder.of().decode(in);
    double energy = data.readDouble();
    Anchor prev = readAnchor(data);
    Anchor next = readAnchor(data);
    return new TableHour(meter, hourStart, accumulator, prev, next, energy, resets);
  }

  private static void writeAnchor(DataOutputStream data, Anchor a) throws IOException {
    data.writeBoolean(a != null);
    if (a != null) {
      data.writeLong(a.timeMillis());
      data.writeDouble(a.energyMwh());
    }
  }

  private static Anchor readAnchor(DataInputStream data) throws IOException {
    return data.readBoolean() ? new Anchor(data.readLong(), data.readDouble()) : null;
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
