package io.github.eec.pipeline.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder for {@link Reject}: reason ordinal and three strings. */
public final class RejectCoder extends AtomicCoder<Reject> {
  private static final RejectCoder INSTANCE = new RejectCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final RejectReason[] REASONS = RejectReason.values();

  public static RejectCoder of() {
    return INSTANCE;
  }

  private RejectCoder() {}

  /** For {@code @DefaultCoder} on {@link Reject}: the coder registry finds it there. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(Reject.class), INSTANCE);
  }

  @Override
  public void encode(Reject r, OutputStream out) throws IOException {
    VarIntCoder.of().encode(r.reason().ordinal(), out);
    STRING.encode(r.detail(), out);
    STRING.encode(r.file(), out);
    STRING.encode(r.line(), out);
  }

  @Override
  public Reject decode(InputStream in) throws IOException {
    RejectReason reason = REASONS[VarIntCoder.of().decode(in)];
    return new Reject(reason, STRING.decode(in), STRING.decode(in), STRING.decode(in));
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
