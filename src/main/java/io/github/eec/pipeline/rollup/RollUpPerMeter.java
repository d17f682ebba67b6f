package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.aggregate.KeyByMeterGroupFn;
import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.registry.MeterInfo;
import io.github.eec.pipeline.registry.MeterInfoCoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The per-meter roll-ups: every meter's hourly rows (measured and estimated) joined with its
 * registry entry by meter, to its local days ({@link #DAILY}) and its hours tagged with its region
 * ({@link #REGION_HOURS}, for the regional roll-ups). The join is a shuffle by meter group, as the
 * interpolation's: a registry of any size is never held whole by a worker.
 */
public class RollUpPerMeter extends PTransform<PCollection<HourlyMeterStats>, PCollectionTuple> {
  public static final TupleTag<GenericRecord> DAILY = new TupleTag<GenericRecord>() {};

  /** Rows by region ("" for meters the registry does not list). */
  public static final TupleTag<KV<String, HourlyMeterStats>> REGION_HOURS =
      new TupleTag<KV<String, HourlyMeterStats>>() {};

  private static final TupleTag<HourlyMeterStats> ROWS = new TupleTag<HourlyMeterStats>() {};
  private static final TupleTag<KV<String, MeterInfo>> INFOS =
      new TupleTag<KV<String, MeterInfo>>() {};

  private final PCollection<KV<String, MeterInfo>> registry;
  private final List<String> attributes;
  private final TouSchedule schedule;
  private final int meterGroups;
  private final PCollectionView<List<Integer>> onlyDays;

  private RollUpPerMeter(
      PCollection<KV<String, MeterInfo>> registry,
      List<String> attributes,
      TouSchedule schedule,
      int meterGroups,
      PCollectionView<List<Integer>> onlyDays) {
    this.registry = registry;
    this.attributes = attributes;
    this.schedule = schedule;
    this.meterGroups = meterGroups;
    this.onlyDays = onlyDays;
  }

  /**
   * Days in UTC for every meter, no attributes, no periods: {@link #withRegistry}, {@link
   * #withSchedule}.
   */
  public static RollUpPerMeter create() {
    return new RollUpPerMeter(null, List.of(), null, 1 << 16, null);
  }

  /**
   * The meters' regions, zones and attributes; {@code attributes} names the registry's further
   * columns.
   */
  public RollUpPerMeter withRegistry(
      PCollection<KV<String, MeterInfo>> registry, List<String> attributes) {
    return new RollUpPerMeter(registry, List.copyOf(attributes), schedule, meterGroups, onlyDays);
  }

  /** Each day's energy also per time-of-use period. */
  public RollUpPerMeter withSchedule(TouSchedule schedule) {
    return new RollUpPerMeter(registry, attributes, schedule, meterGroups, onlyDays);
  }

  public RollUpPerMeter withMeterGroups(int meterGroups) {
    return new RollUpPerMeter(registry, attributes, schedule, meterGroups, onlyDays);
  }

  /**
   * Only the roll-ups that hours on {@code days} (UTC epoch days) fall in: the hours of those days,
   * and the local days from the day before to the day after each (whatever the zone, a local day
   * lies within them). For a merge, whose rows cover those days and the two days around each.
   */
  public RollUpPerMeter onlyForDays(PCollectionView<List<Integer>> days) {
    return new RollUpPerMeter(registry, attributes, schedule, meterGroups, days);
  }

  /** The daily roll-up's schema, for its writer. */
  public Schema dailySchema() {
    return RollUpSchemas.daily(attributes, schedule == null ? List.of() : schedule.periods());
  }

  @Override
  public PCollectionTuple expand(PCollection<HourlyMeterStats> rows) {
    int groups = meterGroups;
    PCollection<KV<Integer, HourlyMeterStats>> keyedRows =
        rows.apply(
            "KeyRowsByMeterGroup",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.integers(), TypeDescriptor.of(HourlyMeterStats.class)))
                .via(r -> KV.of(KeyByMeterGroupFn.meterGroup(r.meter(), groups), r)));
    PCollection<KV<String, MeterInfo>> infos =
        registry != null
            ? registry
            : rows.getPipeline()
                .apply(
                    "NoRegistry",
                    Create.empty(KvCoder.of(StringUtf8Coder.of(), MeterInfoCoder.of())));
    PCollection<KV<Integer, KV<String, MeterInfo>>> keyedInfos =
        infos
            .apply(
                "KeyRegistryByMeterGroup",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.integers(),
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptor.of(MeterInfo.class))))
                    .via(i -> KV.of(KeyByMeterGroupFn.meterGroup(i.getKey(), groups), i)))
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), MeterInfoCoder.of())));
    PCollectionTuple out =
        KeyedPCollectionTuple.of(ROWS, keyedRows)
            .and(INFOS, keyedInfos)
            .apply("GroupWithRegistry", CoGroupByKey.create())
            .apply(
                "RollUpMeterDays",
                onlyDays == null
                    ? ParDo.of(
                            new RollUpFn(
                                schedule, dailySchema().toString(), null, registry != null))
                        .withOutputTags(DAILY, TupleTagList.of(REGION_HOURS))
                    : ParDo.of(
                            new RollUpFn(
                                schedule, dailySchema().toString(), onlyDays, registry != null))
                        .withOutputTags(DAILY, TupleTagList.of(REGION_HOURS))
                        .withSideInputs(onlyDays));
    out.get(DAILY).setCoder(AvroCoder.of(dailySchema()));
    return out;
  }

  static class RollUpFn extends DoFn<KV<Integer, CoGbkResult>, GenericRecord> {
    private final TouSchedule schedule;
    private final String schemaJson;
    private final PCollectionView<List<Integer>> onlyDays;
    private final boolean withRegistry;
    private final Counter notInRegistry =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.METERS_NOT_IN_REGISTRY);
    private final Counter dailyRows =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.DAILY_ROWS);
    private transient Schema schema;

    RollUpFn(
        TouSchedule schedule,
        String schemaJson,
        PCollectionView<List<Integer>> onlyDays,
        boolean withRegistry) {
      this.withRegistry = withRegistry;
      this.schedule = schedule;
      this.schemaJson = schemaJson;
      this.onlyDays = onlyDays;
    }

    @Setup
    public void setup() {
      schema = new Schema.Parser().parse(schemaJson);
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> group, MultiOutputReceiver out, ProcessContext context) {
      Set<Integer> days = onlyDays == null ? null : new HashSet<>(context.sideInput(onlyDays));
      Map<String, List<HourlyMeterStats>> byMeter = new TreeMap<>();
      for (HourlyMeterStats r : group.getValue().getAll(ROWS)) {
        byMeter.computeIfAbsent(r.meter(), m -> new ArrayList<>()).add(r);
      }
      Map<String, MeterInfo> infos = new HashMap<>();
      for (KV<String, MeterInfo> i : group.getValue().getAll(INFOS)) {
        infos.put(i.getKey(), i.getValue()); // a meter listed twice was checked to have one info
      }
      long unknown = 0;
      long dayCount = 0;
      for (Map.Entry<String, List<HourlyMeterStats>> meter : byMeter.entrySet()) {
        List<HourlyMeterStats> rows = meter.getValue();
        rows.sort(Comparator.comparingLong(HourlyMeterStats::windowStart));
        MeterInfo info = infos.get(meter.getKey());
        if (info == null && withRegistry) {
          unknown++;
        }
        for (GenericRecord day : DailyRollUp.days(meter.getKey(), rows, info, schedule, schema)) {
          int date = (Integer) day.get("local_date");
          if (days == null
              || days.contains(date - 1)
              || days.contains(date)
              || days.contains(date + 1)) {
            out.get(DAILY).output(day);
            dayCount++;
          }
        }
        String region = info == null ? "" : info.region();
        for (HourlyMeterStats r : rows) {
          if (days == null || days.contains(Hours.epochDay(r.windowStart()))) {
            out.get(REGION_HOURS).output(KV.of(region, r));
          }
        }
      }
      notInRegistry.inc(unknown);
      dailyRows.inc(dayCount);
    }
  }
}
