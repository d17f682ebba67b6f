package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.aggregate.HourlyAccumulator;
import io.github.eec.pipeline.aggregate.HourlyAccumulatorCoder;
import io.github.eec.pipeline.metrics.PipelineCounters;
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
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps one reading per meter and time among one-reading accumulators (the parse step without
 * pre-combining): the smallest by energy, then power, so the choice never depends on order. The
 * others are counted in {@code duplicatesDropped}. A keyed combine: runners collapse duplicates
 * within a bundle before the shuffle, but every reading crosses it, which is the cost of --dedupe.
 */
public class DropDuplicateReadings
    extends PTransform<PCollection<KV<String, HourlyAccumulator>>, PCollection<KV<String, HourlyAccumulator>>> {

  @Override
  public PCollection<KV<String, HourlyAccumulator>> expand(PCollection<KV<String, HourlyAccumulator>> readings) {
    return readings
        .apply("KeyByMeterAndTime", ParDo.of(new KeyByMeterAndTimeFn()))
        .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), HourlyAccumulatorCoder.of()))
        .apply("KeepOnePerMeterAndTime", Combine.perKey(new KeepSmallestFn()))
        .apply("CountDuplicates", ParDo.of(new EmitKeptFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), HourlyAccumulatorCoder.of()));
  }

  static final class KeyByMeterAndTimeFn
      extends DoFn<KV<String, HourlyAccumulator>, KV<KV<String, Long>, HourlyAccumulator>> {
    @ProcessElement
    public void process(
        @Element KV<String, HourlyAccumulator> e, OutputReceiver<KV<KV<String, Long>, HourlyAccumulator>> out) {
      if (e.getValue().count() != 1) {
        throw new IllegalArgumentException("dedupe needs one reading per element, got " + e.getValue());
      }
      out.output(KV.of(KV.of(e.getKey(), e.getValue().firstTime()), e.getValue()));
    }
  }

  /** The reading kept so far and how many readings it stands for. */
  static final class Kept {
    HourlyAccumulator reading;
    long count;
  }

  static final class KeepSmallestFn extends Combine.CombineFn<HourlyAccumulator, Kept, Kept> {
    @Override
    public Kept createAccumulator() {
      return new Kept();
    }

    @Override
    public Kept addInput(Kept acc, HourlyAccumulator r) {
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
    public Coder<Kept> getAccumulatorCoder(CoderRegistry registry, Coder<HourlyAccumulator> inputCoder) {
      return KeptCoder.INSTANCE;
    }

    @Override
    public Coder<Kept> getDefaultOutputCoder(CoderRegistry registry, Coder<HourlyAccumulator> inputCoder) {
      return KeptCoder.INSTANCE;
    }

    private static boolean smaller(HourlyAccumulator a, HourlyAccumulator b) {
      int c = Double.compare(a.firstEnergy(), b.firstEnergy());
      return c < 0 || (c == 0 && Double.compare(a.powerSum(), b.powerSum()) < 0);
    }
  }

  static final class KeptCoder extends AtomicCoder<Kept> {
    static final KeptCoder INSTANCE = new KeptCoder();

    @Override
    public void encode(Kept k, OutputStream out) throws IOException {
      VarLongCoder.of().encode(k.count, out);
      if (k.count > 0) {
        HourlyAccumulatorCoder.of().encode(k.reading, out);
      }
    }

    @Override
    public Kept decode(InputStream in) throws IOException {
      Kept k = new Kept();
      k.count = VarLongCoder.of().decode(in);
      if (k.count > 0) {
        k.reading = HourlyAccumulatorCoder.of().decode(in);
      }
      return k;
    }

    @Override
    public void verifyDeterministic() {}
  }

  static final class EmitKeptFn extends DoFn<KV<KV<String, Long>, Kept>, KV<String, HourlyAccumulator>> {
    private final Counter duplicates = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.DUPLICATES_DROPPED);

    @ProcessElement
    public void process(@Element KV<KV<String, Long>, Kept> e, OutputReceiver<KV<String, HourlyAccumulator>> out) {
      Kept kept = e.getValue();
      if (kept.count > 1) {
        duplicates.inc(kept.count - 1);
      }
      out.output(KV.of(e.getKey().getKey(), kept.reading));
    }
  }
}
