package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.aggregate.KeyByMeterGroupFn;
import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.MeterHour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The merge's part of the pipeline: this run's hourly accumulators (in their hourly windows) and
 * the table's rows of the days they affect, to the new rows of those days ({@link #ROWS}), and the
 * meter index updated with the new days ({@link #METER_INDEX}).
 *
 * <p>Which days to read is decided per meter from the index (the meter's days with data): each day
 * with new readings, and the meter's previous and next day with data, which hold the neighbouring
 * rows whose interpolation the new readings change ({@link MergeMeterHours}). Only those days are
 * read and rewritten, however old the table is. A table with the estimated hours of gaps ({@link
 * #withGapRows}) also has every day between those neighbours read and rewritten: their estimated
 * hours change with the new readings.
 */
public class MergeWithTable
    extends PTransform<PCollection<KV<String, HourlyAccumulator>>, PCollectionTuple> {
  public static final TupleTag<TableHour> ROWS = new TupleTag<TableHour>() {};
  public static final TupleTag<KV<String, MeterDays>> METER_INDEX =
      new TupleTag<KV<String, MeterDays>>() {};

  /** The UTC days (epoch days) the merge read, each once: the days whose rows it rewrites. */
  public static final TupleTag<Integer> DAYS = new TupleTag<Integer>() {};

  private static final TupleTag<Integer> DAYS_TO_READ = new TupleTag<Integer>() {};
  private static final TupleTag<KV<String, MeterHour>> ADDED =
      new TupleTag<KV<String, MeterHour>>() {};
  private static final TupleTag<KV<String, MeterDays>> INDEXED =
      new TupleTag<KV<String, MeterDays>>() {};
  private static final TupleTag<TableHour> EXISTING = new TupleTag<TableHour>() {};

  private final MergePlan plan;
  private final int meterGroups;
  private final boolean gapRows;

  private MergeWithTable(MergePlan plan, int meterGroups, boolean gapRows) {
    this.plan = plan;
    this.meterGroups = meterGroups;
    this.gapRows = gapRows;
  }

  public static MergeWithTable into(MergePlan plan) {
    return new MergeWithTable(plan, 1 << 16, false);
  }

  /** How the meters are grouped for the per-meter steps; never changes the result. */
  public MergeWithTable withMeterGroups(int meterGroups) {
    return new MergeWithTable(plan, meterGroups, gapRows);
  }

  /** For a table with the estimated hours of gaps ({@code --fillGaps}). */
  public MergeWithTable withGapRows() {
    return new MergeWithTable(plan, meterGroups, true);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, HourlyAccumulator>> accumulators) {
    PCollection<KV<Integer, KV<String, MeterHour>>> added =
        accumulators
            .apply("KeyByMeterGroup", ParDo.of(new KeyByMeterGroupFn(meterGroups)))
            .apply(
                "IntoGlobalWindow",
                Window.<KV<Integer, KV<String, MeterHour>>>into(new GlobalWindows()));
    PCollectionTuple planned =
        KeyedPCollectionTuple.of(ADDED, added)
            .and(INDEXED, readMeterIndex(accumulators))
            .apply("GroupWithIndex", CoGroupByKey.create())
            .apply(
                "PlanDaysToRead",
                ParDo.of(new PlanDaysFn(gapRows))
                    .withOutputTags(DAYS_TO_READ, TupleTagList.of(METER_INDEX)));
    PCollection<Integer> daysToRead =
        planned.get(DAYS_TO_READ).apply("EachDayOnce", Distinct.create());
    PCollectionView<List<Integer>> daysRead =
        gapRows ? daysToRead.apply("DaysReadView", View.asList()) : null;
    PCollection<KV<Integer, TableHour>> existing =
        daysToRead
            .apply("ReadTableDays", ReadTableDays.of(plan))
            .apply("KeyRowsByMeterGroup", ParDo.of(new KeyRowFn(meterGroups)));
    PCollection<TableHour> rows =
        KeyedPCollectionTuple.of(ADDED, added)
            .and(EXISTING, existing)
            .apply("GroupWithTableRows", CoGroupByKey.create())
            .apply(
                "MergeMeterHours",
                daysRead == null
                    ? ParDo.of(new MergeFn(null))
                    : ParDo.of(new MergeFn(daysRead)).withSideInputs(daysRead));
    return PCollectionTuple.of(ROWS, rows)
        .and(METER_INDEX, planned.get(METER_INDEX))
        .and(DAYS, daysToRead);
  }

  private PCollection<KV<Integer, KV<String, MeterDays>>> readMeterIndex(PCollection<?> anyInput) {
    if (plan.meterIndexGlob() == null) {
      return anyInput
          .getPipeline()
          .apply(
              "NoMeterIndex",
              Create.empty(
                  KvCoder.of(
                      VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), MeterDaysCoder.of()))));
    }
    return anyInput
        .getPipeline()
        .apply(
            "ReadMeterIndex",
            AvroIO.readGenericRecords(MeterIndexFiles.SCHEMA).from(plan.meterIndexGlob()))
        .apply("ToMeterDays", ParDo.of(new IndexRecordFn(meterGroups)));
  }

  /** Per meter: the days to read, and its days with data after the merge. */
  static class PlanDaysFn extends DoFn<KV<Integer, CoGbkResult>, Integer> {
    private final boolean gapRows;

    PlanDaysFn(boolean gapRows) {
      this.gapRows = gapRows;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> group, MultiOutputReceiver out) {
      Map<String, SortedSet<Integer>> addedDays = new TreeMap<>();
      for (KV<String, MeterHour> a : group.getValue().getAll(ADDED)) {
        addedDays
            .computeIfAbsent(a.getKey(), m -> new TreeSet<>())
            .add(Hours.epochDay(a.getValue().hourStart()));
      }
      Map<String, MeterDays> indexed = new HashMap<>();
      for (KV<String, MeterDays> i : group.getValue().getAll(INDEXED)) {
        if (indexed.put(i.getKey(), i.getValue()) != null) {
          throw new IllegalStateException("the meter index holds " + i.getKey() + " twice");
        }
      }
      for (Map.Entry<String, SortedSet<Integer>> meter : addedDays.entrySet()) {
        MeterDays before = indexed.getOrDefault(meter.getKey(), MeterDays.none());
        MeterDays after = before.with(meter.getValue());
        for (int day : meter.getValue()) {
          out.get(DAYS_TO_READ).output(day);
          Integer previous = before.before(day);
          Integer next = before.after(day);
          if (gapRows) {
            // The estimated hours between the day's neighbours with data change, from one to the
            // other: the old neighbours (a gap the day splits) or else this merge's other days.
            Integer from = previous != null ? previous : after.before(day);
            Integer to = next != null ? next : after.after(day);
            for (int d = from == null ? day : from; d <= (to == null ? day : to); d++) {
              out.get(DAYS_TO_READ).output(d);
            }
            continue;
          }
          if (previous != null) {
            out.get(DAYS_TO_READ).output(previous);
          }
          if (next != null) {
            out.get(DAYS_TO_READ).output(next);
          }
        }
        indexed.put(meter.getKey(), after);
      }
      for (Map.Entry<String, MeterDays> meter : indexed.entrySet()) {
        out.get(METER_INDEX).output(KV.of(meter.getKey(), meter.getValue()));
      }
    }
  }

  static class KeyRowFn extends DoFn<TableHour, KV<Integer, TableHour>> {
    private final int meterGroups;

    KeyRowFn(int meterGroups) {
      this.meterGroups = meterGroups;
    }

    @ProcessElement
    public void process(@Element TableHour row, OutputReceiver<KV<Integer, TableHour>> out) {
      out.output(KV.of(KeyByMeterGroupFn.meterGroup(row.meter(), meterGroups), row));
    }
  }

  static class IndexRecordFn extends DoFn<GenericRecord, KV<Integer, KV<String, MeterDays>>> {
    private final int meterGroups;

    IndexRecordFn(int meterGroups) {
      this.meterGroups = meterGroups;
    }

    @ProcessElement
    public void process(
        @Element GenericRecord record, OutputReceiver<KV<Integer, KV<String, MeterDays>>> out) {
      KV<String, MeterDays> meter = MeterIndexFiles.fromRecord(record);
      out.output(KV.of(KeyByMeterGroupFn.meterGroup(meter.getKey(), meterGroups), meter));
    }
  }

  /**
   * Splits a group into its meters and merges each; meters without new readings keep their rows.
   */
  static class MergeFn extends DoFn<KV<Integer, CoGbkResult>, TableHour> {
    private final PCollectionView<List<Integer>> daysRead;
    private final Counter estimated =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.HOURS_ESTIMATED);
    private final Counter recomputed =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.ROWS_RECOMPUTED);
    private final Counter carried =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.ROWS_CARRIED);
    private final Counter resets =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.REGISTER_RESETS);

    /** {@code daysRead}: for a table with estimated gap hours, the days the merge read. */
    MergeFn(PCollectionView<List<Integer>> daysRead) {
      this.daysRead = daysRead;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> group,
        OutputReceiver<TableHour> out,
        ProcessContext context) {
      Set<Integer> days = daysRead == null ? null : new HashSet<>(context.sideInput(daysRead));
      Map<String, List<MeterHour>> added = new TreeMap<>();
      for (KV<String, MeterHour> a : group.getValue().getAll(ADDED)) {
        added.computeIfAbsent(a.getKey(), m -> new ArrayList<>()).add(a.getValue());
      }
      Map<String, List<TableHour>> existing = new TreeMap<>();
      for (TableHour row : group.getValue().getAll(EXISTING)) {
        existing.computeIfAbsent(row.meter(), m -> new ArrayList<>()).add(row);
      }
      long recomputedRows = 0;
      long carriedRows = 0;
      long resetCount = 0;
      long estimatedRows = 0;
      for (Map.Entry<String, List<TableHour>> meter : existing.entrySet()) {
        if (!added.containsKey(meter.getKey())) {
          for (TableHour row : meter.getValue()) {
            out.output(row);
          }
          carriedRows += meter.getValue().size();
        }
      }
      for (Map.Entry<String, List<MeterHour>> meter : added.entrySet()) {
        MergeMeterHours.Result merged =
            MergeMeterHours.merge(
                meter.getKey(),
                existing.getOrDefault(meter.getKey(), List.of()),
                meter.getValue(),
                days);
        for (TableHour row : merged.rows) {
          out.output(row);
        }
        recomputedRows += merged.recomputed;
        carriedRows += merged.rows.size() - merged.recomputed - merged.estimated;
        resetCount += merged.resetsInRecomputed;
        estimatedRows += merged.estimated;
      }
      estimated.inc(estimatedRows);
      recomputed.inc(recomputedRows);
      carried.inc(carriedRows);
      resets.inc(resetCount);
    }
  }
}
