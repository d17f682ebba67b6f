package io.github.eec.pipeline.aggregate;

import io.github.eec.pipeline.metrics.PipelineCounters;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.HourlyMeterStatsCoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The step after the hourly combine: brings each meter's hours together (global window) so each
 * hour's energy can use the neighbouring hours' anchor readings, and emits the output rows.
 *
 * <p>Only one small accumulator per meter-hour crosses this shuffle, so a meter's whole history
 * (8,760 hours a year) fits comfortably in memory.
 */
public class InterpolateHourlyEnergy
    extends PTransform<PCollection<KV<String, HourlyAccumulator>>, PCollection<HourlyMeterStats>> {

  @Override
  public PCollection<HourlyMeterStats> expand(PCollection<KV<String, HourlyAccumulator>> hourly) {
    return hourly
        .apply("AttachHourStart", ParDo.of(new AttachHourStartFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), MeterHourCoder.of()))
        .apply("IntoGlobalWindow", Window.<KV<String, MeterHour>>into(new GlobalWindows()))
        .apply("GroupHoursByMeter", GroupByKey.create())
        .apply("ComputeHourlyRows", ParDo.of(new ComputeRowsFn()))
        .setCoder(HourlyMeterStatsCoder.of());
  }

  static class AttachHourStartFn extends DoFn<KV<String, HourlyAccumulator>, KV<String, MeterHour>> {
    @ProcessElement
    public void process(
        @Element KV<String, HourlyAccumulator> e, IntervalWindow window, OutputReceiver<KV<String, MeterHour>> out) {
      out.output(KV.of(e.getKey(), new MeterHour(window.start().getMillis(), e.getValue())));
    }
  }

  static class ComputeRowsFn extends DoFn<KV<String, Iterable<MeterHour>>, HourlyMeterStats> {
    private final Counter resets = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.REGISTER_RESETS);

    @ProcessElement
    public void process(@Element KV<String, Iterable<MeterHour>> meterHours, OutputReceiver<HourlyMeterStats> out) {
      List<MeterHour> hours = new ArrayList<>();
      meterHours.getValue().forEach(hours::add);
      long resetCount = 0;
      for (HourlyMeterStats row : HourlyEnergyCalculator.compute(meterHours.getKey(), hours)) {
        resetCount += row.registerResets();
        out.output(row);
      }
      resets.inc(resetCount);
    }
  }
}
