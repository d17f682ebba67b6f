package io.github.eec.pipeline.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder for {@link MeterHour}: the hour start as a varint, then the accumulator. */
public final class MeterHourCoder extends AtomicCoder<MeterHour> {
  private static final MeterHourCoder INSTANCE = new MeterHourCoder();

  public static MeterHourCoder of() {
    return INSTANCE;
  }

  private MeterHourCoder() {}

  /** For {@code @DefaultCoder} on {@link MeterHour}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(MeterHour.class), INSTANCE);
  }

  @Override
  public void encode(MeterHour value, OutputStream out) throws IOException {
    VarLongCoder.of().encode(value.hourStart(), out);
    HourlyAccumulatorCoder.of().encode(value.accumulator(), out);
  }

  @Override
  public MeterHour decode(InputStream in) throws IOException {
    long hourStart = VarLongCoder.of().decode(in);
    return new MeterHour(hourStart, HourlyAccumulatorCoder.of().decode(in));
  }
}
