package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.MeterHour;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;

/** Pins a pane's hour (its window's start) onto it, before it leaves the hourly windows. */
class HourOfWindowFn extends DoFn<KV<String, HourlyAccumulator>, KV<String, MeterHour>> {
  @ProcessElement
  public void process(
      @Element KV<String, HourlyAccumulator> pane,
      IntervalWindow window,
      OutputReceiver<KV<String, MeterHour>> out) {
    out.output(KV.of(pane.getKey(), new MeterHour(window.start().getMillis(), pane.getValue())));
  }
}
