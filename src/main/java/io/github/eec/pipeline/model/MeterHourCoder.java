package io.github.eec.pipeline.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Deterministic coder for {@link MeterHour}: the hour start as a varint, then the accumulator. */
public final class MeterHourCoder extends AtomicCoder<MeterHour> {
  private static final MeterHourCoder INSTANCE = new MeterHourCoder();

  public static MeterHourCoder of() {
    return INSTANCE;
  }

  private MeterHourCoder() {}

  @Override
  public void encode(MeterHour value, OutputStream out) throws IOException {
    VarLongCoder.of().encode(value.hourStart(), out);
    HourlyAccumulatorCoder.of().encode(value.stats(), out);
  }

  @Override
  public MeterHour decode(InputStream in) throws IOException {
    long hourStart = VarLongCoder.of().decode(in);
    return new MeterHour(hourStart, HourlyAccumulatorCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
