package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.HourlyMeterStatsCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder for {@link RevisedRow}: the batch row's coder and the revision. */
public final class RevisedRowCoder extends AtomicCoder<RevisedRow> {
  private static final RevisedRowCoder INSTANCE = new RevisedRowCoder();

  public static RevisedRowCoder of() {
    return INSTANCE;
  }

  private RevisedRowCoder() {}

  /** For {@code @DefaultCoder} on {@link RevisedRow}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(RevisedRow.class), INSTANCE);
  }

  @Override
  public void encode(RevisedRow r, OutputStream out) throws IOException {
    HourlyMeterStatsCoder.of().encode(r.row(), out);
    VarIntCoder.of().encode(r.revision(), out);
  }

  @Override
  public RevisedRow decode(InputStream in) throws IOException {
    return new RevisedRow(HourlyMeterStatsCoder.of().decode(in), VarIntCoder.of().decode(in));
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
