package io.github.eec.pipeline.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Compact, deterministic coder for {@link Reading}: meter, varint time, two raw doubles. */
public final class ReadingCoder extends AtomicCoder<Reading> {
  private static final ReadingCoder INSTANCE = new ReadingCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarLongCoder VARLONG = VarLongCoder.of();

  public static ReadingCoder of() {
    return INSTANCE;
  }

  private ReadingCoder() {}

  @Override
  public void encode(Reading r, OutputStream out) throws IOException {
    STRING.encode(r.meter(), out);
    VARLONG.encode(r.timeMillis(), out);
    DataOutputStream data = new DataOutputStream(out);
    data.writeDouble(r.energyMwh());
    data.writeDouble(r.powerMw());
    data.flush();
  }

  @Override
  public Reading decode(InputStream in) throws IOException {
    String meter = STRING.decode(in);
    long time = VARLONG.decode(in);
    DataInputStream data = new DataInputStream(in);
    return new Reading(meter, time, data.readDouble(), data.readDouble());
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
