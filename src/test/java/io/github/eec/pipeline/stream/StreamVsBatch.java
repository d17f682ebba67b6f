package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.ComputeHourlyMetrics;
import io.github.eec.pipeline.model.HourlyMeterStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;

/**
 * Compares a stream's rows with the batch job's rows for the given lines, inside the same test
 * pipeline: the output is one message per difference (a meter-hour missing on either side, a latest
 * revision unlike the batch row, two different rows under one revision), so {@code
 * PAssert.that(...).empty()} checks all of it.
 */
final class StreamVsBatch {
  private StreamVsBatch() {}

  static PCollection<String> differences(
      PCollection<RevisedRow> streamRows, List<String> batchLines) {
    List<KV<String, String>> input = new ArrayList<>();
    for (String line : batchLines) {
      input.add(KV.of("batch.csv", line));
    }
    PCollection<KV<String, KV<Integer, HourlyMeterStats>>> batch =
        streamRows
            .getPipeline()
            .apply(
                "BatchLines",
                Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            .apply("Batch", ComputeHourlyMetrics.create())
            .get(ComputeHourlyMetrics.HOURLY)
            .apply("KeyBatch", ParDo.of(new KeyFn<HourlyMeterStats>(-1)));
    PCollection<KV<String, KV<Integer, HourlyMeterStats>>> stream =
        streamRows.apply("KeyStream", ParDo.of(new KeyRevisedFn()));
    return PCollectionList.of(batch.apply("AtTheEndB", atTheEnd()))
        .and(stream.apply("AtTheEndS", atTheEnd()))
        .apply(Flatten.pCollections())
        .apply(GroupByKey.create())
        .apply("Compare", ParDo.of(new CompareFn()));
  }

  /** One pane at the end of the (test) stream: the stream's every row, then compared. */
  private static Window<KV<String, KV<Integer, HourlyMeterStats>>> atTheEnd() {
    return Window.<KV<String, KV<Integer, HourlyMeterStats>>>into(new GlobalWindows())
        .triggering(AfterWatermark.pastEndOfWindow())
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes();
  }

  static String key(HourlyMeterStats r) {
    return r.meter() + "@" + java.time.Instant.ofEpochMilli(r.windowStart());
  }

  static class KeyFn<T> extends DoFn<HourlyMeterStats, KV<String, KV<Integer, HourlyMeterStats>>> {
    private final int revision;

    KeyFn(int revision) {
      this.revision = revision;
    }

    @ProcessElement
    public void process(
        @Element HourlyMeterStats r,
        OutputReceiver<KV<String, KV<Integer, HourlyMeterStats>>> out) {
      out.output(KV.of(key(r), KV.of(revision, r)));
    }
  }

  static class KeyRevisedFn extends DoFn<RevisedRow, KV<String, KV<Integer, HourlyMeterStats>>> {
    @ProcessElement
    public void process(
        @Element RevisedRow r, OutputReceiver<KV<String, KV<Integer, HourlyMeterStats>>> out) {
      out.output(KV.of(key(r.row()), KV.of(r.revision(), r.row())));
    }
  }

  /** Batch rows carry revision -1; the stream's latest revision must equal the batch row. */
  static class CompareFn extends DoFn<KV<String, Iterable<KV<Integer, HourlyMeterStats>>>, String> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<Integer, HourlyMeterStats>>> e,
        OutputReceiver<String> out) {
      HourlyMeterStats batch = null;
      Map<Integer, HourlyMeterStats> byRevision = new HashMap<>();
      int latest = -1;
      for (KV<Integer, HourlyMeterStats> r : e.getValue()) {
        if (r.getKey() < 0) {
          batch = r.getValue();
          continue;
        }
        HourlyMeterStats before = byRevision.put(r.getKey(), r.getValue());
        if (before != null && !before.equals(r.getValue())) {
          out.output(e.getKey() + ": revision " + r.getKey() + " stands for two rows");
        }
        latest = Math.max(latest, r.getKey());
      }
      if (batch == null) {
        out.output(e.getKey() + ": only in the stream: " + byRevision);
      } else if (latest < 0) {
        out.output(e.getKey() + ": only in batch: " + batch);
      } else if (!batch.equals(byRevision.get(latest))) {
        out.output(
            e.getKey()
                + ": latest revision "
                + latest
                + " "
                + byRevision.get(latest)
                + " != "
                + batch);
      }
      for (int r = 0; r <= latest; r++) {
        if (!byRevision.containsKey(r)) {
          out.output(e.getKey() + ": revision " + r + " missing");
        }
      }
    }
  }
}
