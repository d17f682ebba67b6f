package io.github.eec.pipeline.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Deterministic coder for {@link MeterInfo}: region, zone, the number of attributes, each
 * attribute.
 */
public final class MeterInfoCoder extends AtomicCoder<MeterInfo> {
  private static final MeterInfoCoder INSTANCE = new MeterInfoCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  public static MeterInfoCoder of() {
    return INSTANCE;
  }

  private MeterInfoCoder() {}

  /** For {@code @DefaultCoder} on {@link MeterInfo}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(MeterInfo.class), INSTANCE);
  }

  @Override
  public void encode(MeterInfo m, OutputStream out) throws IOException {
    STRING.encode(m.region(), out);
    STRING.encode(m.timeZone(), out);
    List<String> attributes = m.attributes();
    VarIntCoder.of().encode(attributes.size(), out);
    for (String a : attributes) {
      STRING.encode(a, out);
    }
  }

  @Override
  public MeterInfo decode(InputStream in) throws IOException {
    String region = STRING.decode(in);
    String zone = STRING.decode(in);
    int n = VarIntCoder.of().decode(in);
    if (n < 0 || n > 10_000) {
      throw new CoderException("corrupt meter info: " + n + " attributes");
    }
    List<String> attributes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      attributes.add(STRING.decode(in));
    }
    return new MeterInfo(region, zone, attributes);
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
