package io.github.eec.pipeline.merge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder for {@link MeterDays}: the number of range bounds, then each bound. */
public final class MeterDaysCoder extends AtomicCoder<MeterDays> {
  private static final MeterDaysCoder INSTANCE = new MeterDaysCoder();
  private static final VarIntCoder VARINT = VarIntCoder.of();

  public static MeterDaysCoder of() {
    return INSTANCE;
  }

  private MeterDaysCoder() {}

  /** For {@code @DefaultCoder} on {@link MeterDays}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(MeterDays.class), INSTANCE);
  }

  @Override
  public void encode(MeterDays days, OutputStream out) throws IOException {
    int[] ranges = days.ranges();
    VARINT.encode(ranges.length, out);
    for (int bound : ranges) {
      VARINT.encode(bound, out);
    }
  }

  @Override
  public MeterDays decode(InputStream in) throws IOException {
    int n = VARINT.decode(in);
    if (n < 0 || n > 1 << 20) {
      throw new CoderException("corrupt day ranges: " + n + " bounds");
    }
    int[] ranges = new int[n];
    for (int i = 0; i < n; i++) {
      ranges[i] = VARINT.decode(in);
    }
    return MeterDays.ofRanges(ranges);
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
