package io.github.eec.pipeline.registry;

import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The registry's meters as {@code (meter, info)} pairs, read in parallel like any text file (a
 * registry of a million meters is a few tens of MB): joined with the rows by meter, never held
 * whole in a worker's memory. A meter listed twice (with the same attributes) comes twice.
 */
public class ReadMeterRegistry extends PTransform<PBegin, PCollection<KV<String, MeterInfo>>> {
  private final MeterRegistry registry;

  private ReadMeterRegistry(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry {@link MeterRegistry#read} checked. */
  public static ReadMeterRegistry of(MeterRegistry registry) {
    return new ReadMeterRegistry(registry);
  }

  @Override
  public PCollection<KV<String, MeterInfo>> expand(PBegin input) {
    return input
        .apply("ReadRegistryLines", TextIO.read().from(registry.location()))
        .apply("ParseRegistryLines", ParDo.of(new ParseFn(registry)));
  }

  static class ParseFn extends DoFn<String, KV<String, MeterInfo>> {
    private final MeterRegistry registry;

    ParseFn(MeterRegistry registry) {
      this.registry = registry;
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<KV<String, MeterInfo>> out)
        throws IOException {
      String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (l.isBlank() || l.equals(registry.headerLine())) {
        return;
      }
      Map.Entry<String, MeterInfo> meter = registry.parse(l);
      out.output(KV.of(meter.getKey(), meter.getValue()));
    }
  }
}
