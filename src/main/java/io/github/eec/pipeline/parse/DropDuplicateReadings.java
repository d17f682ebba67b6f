package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.metrics.PipelineCounters;
import io.github.eec.pipeline.model.Reading;
import io.github.eec.pipeline.model.ReadingCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps one reading per meter and time (the smallest by energy, then power, so the choice never
 * depends on order) and counts the others in {@code duplicatesDropped}. A keyed combine: runners
 * collapse duplicates within a bundle before the shuffle, but every reading still crosses it.
 */
public class DropDuplicateReadings extends PTransform<PCollection<Reading>, PCollection<Reading>> {

  @Override
  public PCollection<Reading> expand(PCollection<Reading> readings) {
    return readings
        .apply(
            "KeyByMeterAndTime",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()),
                        new TypeDescriptor<Reading>() {}))
                .via(r -> KV.of(KV.of(r.meter(), r.timeMillis()), r)))
        .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), ReadingCoder.of()))
        .apply("KeepOnePerMeterAndTime", Combine.perKey(new KeepFirstFn()))
        .apply("CountDuplicates", ParDo.of(new EmitKeptFn()))
        .setCoder(ReadingCoder.of());
  }

  /** The reading kept so far and how many readings it stands for. */
  static final class Kept {
    Reading reading;
    long count;
  }

  static final class KeepFirstFn extends Combine.CombineFn<Reading, Kept, Kept> {
    @Override
    public Kept createAccumulator() {
      return new Kept();
    }

    @Override
    public Kept addInput(Kept acc, Reading r) {
      acc.count++;
      if (acc.reading == null || smaller(r, acc.reading)) {
        acc.reading = r;
      }
      return acc;
    }

    @Override
    public Kept mergeAccumulators(Iterable<Kept> accumulators) {
      Kept merged = new Kept();
      for (Kept k : accumulators) {
        merged.count += k.count;
        if (k.reading != null && (merged.reading == null || smaller(k.reading, merged.reading))) {
          merged.reading = k.reading;
        }
      }
      return merged;
    }

    @Override
    public Kept extractOutput(Kept acc) {
      return acc;
    }

    @Override
    public Coder<Kept> getAccumulatorCoder(CoderRegistry registry, Coder<Reading> inputCoder) {
      return KeptCoder.INSTANCE;
    }

    @Override
    public Coder<Kept> getDefaultOutputCoder(CoderRegistry registry, Coder<Reading> inputCoder) {
      return KeptCoder.INSTANCE;
    }

    private static boolean smaller(Reading a, Reading b) {
      int c = Double.compare(a.energyMwh(), b.energyMwh());
      return c < 0 || (c == 0 && Double.compare(a.powerMw(), b.powerMw()) < 0);
    }
  }

  static final class KeptCoder extends AtomicCoder<Kept> {
    static final KeptCoder INSTANCE = new KeptCoder();

    @Override
    public void encode(Kept k, OutputStream out) throws IOException {
      VarLongCoder.of().encode(k.count, out);
      if (k.count > 0) {
        ReadingCoder.of().encode(k.reading, out);
      }
    }

    @Override
    public Kept decode(InputStream in) throws IOException {
      Kept k = new Kept();
      k.count = VarLongCoder.of().decode(in);
      if (k.count > 0) {
        k.reading = ReadingCoder.of().decode(in);
      }
      return k;
    }

    @Override
    public void verifyDeterministic() {}
  }

  static final class EmitKeptFn extends DoFn<KV<KV<String, Long>, Kept>, Reading> {
    private final Counter duplicates = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.DUPLICATES_DROPPED);

    @ProcessElement
    public void process(@Element KV<KV<String, Long>, Kept> e, OutputReceiver<Reading> out) {
      Kept kept = e.getValue();
      if (kept.count > 1) {
        duplicates.inc(kept.count - 1);
      }
      out.output(kept.reading);
    }
  }
}
