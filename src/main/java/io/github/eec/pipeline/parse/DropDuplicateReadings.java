package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyAccumulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps one reading per meter and time among one-reading accumulators (the parse step without
 * pre-combining), in hourly windows: the smallest by energy, then power, so the choice never
 * depends on order. The others are counted in {@code duplicatesDropped}.
 *
 * <p>Groups by meter within each hour and dedupes the hour's readings in memory (at most a few
 * thousand), rather than keying by meter and time: the same shuffle of every reading on Spark and
 * Flink, but a meter-hour per key instead of a reading per key, which the DirectRunner needs: it
 * pays a fixed cost per key and step (BENCHMARKS.md). Emits one accumulator per meter-hour.
 */
public class DropDuplicateReadings
    extends PTransform<
        PCollection<KV<String, HourlyAccumulator>>, PCollection<KV<String, HourlyAccumulator>>> {

  private DropDuplicateReadings() {}

  public static DropDuplicateReadings create() {
    return new DropDuplicateReadings();
  }

  @Override
  public PCollection<KV<String, HourlyAccumulator>> expand(
      PCollection<KV<String, HourlyAccumulator>> readings) {
    return readings
        .apply("GroupByMeterHour", GroupByKey.create())
        .apply("KeepOnePerTime", ParDo.of(new KeepOnePerTimeFn()));
  }

  private static final Comparator<HourlyAccumulator> BY_TIME_ENERGY_POWER =
      Comparator.comparingLong(HourlyAccumulator::firstTime)
          .thenComparingDouble(HourlyAccumulator::firstEnergy)
          .thenComparingDouble(HourlyAccumulator::powerSum);

  static final class KeepOnePerTimeFn
      extends DoFn<KV<String, Iterable<HourlyAccumulator>>, KV<String, HourlyAccumulator>> {
    private final Counter duplicates =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.DUPLICATES_DROPPED);

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<HourlyAccumulator>> meterHour,
        OutputReceiver<KV<String, HourlyAccumulator>> out) {
      List<HourlyAccumulator> list = new ArrayList<>();
      for (HourlyAccumulator reading : meterHour.getValue()) {
        if (reading.count() != 1) {
          throw new IllegalArgumentException(
              "dedupe needs one reading per element, got " + reading);
        }
        list.add(reading);
      }
      list.sort(BY_TIME_ENERGY_POWER);
      HourlyAccumulator kept = new HourlyAccumulator();
      long dropped = 0;
      long lastTime = Long.MIN_VALUE;
      for (HourlyAccumulator reading : list) {
        if (!kept.isEmpty() && reading.firstTime() == lastTime) {
          dropped++;
        } else {
          kept.merge(reading);
          lastTime = reading.firstTime();
        }
      }
      duplicates.inc(dropped);
      out.output(KV.of(meterHour.getKey(), kept));
    }
  }
}
