package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The regional roll-ups: per region and UTC hour ({@link #HOURLY}: energy, meters reporting,
 * readings) and per region and local day ({@link #DAILY}: energy, meters reporting, meters the
 * registry lists in the region, completeness). Meters the registry does not list are the region
 * null, so the regions add up to all meters.
 */
public class RollUpRegions extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<GenericRecord> HOURLY = new TupleTag<GenericRecord>() {};
  public static final TupleTag<GenericRecord> DAILY = new TupleTag<GenericRecord>() {};

  private final TreeMap<String, Long> metersByRegion;

  private RollUpRegions(Map<String, Long> metersByRegion) {
    this.metersByRegion = new TreeMap<>(metersByRegion);
  }

  /** {@code metersByRegion}: how many meters the registry lists in each region. */
  public static RollUpRegions of(Map<String, Long> metersByRegion) {
    return new RollUpRegions(metersByRegion);
  }

  /** Input: the outputs of {@link RollUpPerMeter}. */
  @Override
  public PCollectionTuple expand(PCollectionTuple perMeter) {
    Schema hourlySchema = RollUpSchemas.regionalHourly();
    Schema dailySchema = RollUpSchemas.regionalDaily();
    PCollection<GenericRecord> hourly =
        perMeter
            .get(RollUpPerMeter.REGION_HOURS)
            .apply(
                "KeyByRegionHour",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()),
                            TypeDescriptor.of(HourlyMeterStats.class)))
                    .via(e -> KV.of(KV.of(e.getKey(), e.getValue().windowStart()), e.getValue())))
            .apply("SumRegionHours", Combine.perKey(new HourFn()))
            .apply("RegionHourRecords", ParDo.of(new HourRecordFn(hourlySchema.toString())))
            .setCoder(AvroCoder.of(hourlySchema));
    PCollection<GenericRecord> daily =
        perMeter
            .get(RollUpPerMeter.DAILY)
            .apply("KeyByRegionDay", ParDo.of(new KeyDayFn()))
            .apply("SumRegionDays", Combine.perKey(new DayFn()))
            .apply(
                "RegionDayRecords",
                ParDo.of(new DayRecordFn(dailySchema.toString(), metersByRegion)))
            .setCoder(AvroCoder.of(dailySchema));
    return PCollectionTuple.of(HOURLY, hourly).and(DAILY, daily);
  }

  /** Sums of a region's meters ({@link Totals}) from inputs of type {@code InputT}. */
  abstract static class TotalsFn<InputT> extends Combine.CombineFn<InputT, Totals, Totals> {
    @Override
    public Totals createAccumulator() {
      return new Totals();
    }

    @Override
    public Totals mergeAccumulators(Iterable<Totals> all) {
      Totals merged = new Totals();
      for (Totals t : all) {
        merged.merge(t);
      }
      return merged;
    }

    @Override
    public Totals extractOutput(Totals t) {
      return t;
    }

    @Override
    public Coder<Totals> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> input) {
      return Totals.Coder.of();
    }

    @Override
    public Coder<Totals> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> input) {
      return Totals.Coder.of();
    }
  }

  /** A region's hour from its meters' hourly rows (estimated rows: energy, not reporting). */
  static class HourFn extends TotalsFn<HourlyMeterStats> {
    @Override
    public Totals addInput(Totals t, HourlyMeterStats row) {
      t.add(row.energyMwh(), !row.isEstimated(), row.readings());
      return t;
    }
  }

  /** A meter's day as ((region, local date), (energy, readings)) for the regional sums. */
  static class KeyDayFn extends DoFn<GenericRecord, KV<KV<String, Integer>, KV<Double, Long>>> {
    @ProcessElement
    public void process(
        @Element GenericRecord day, OutputReceiver<KV<KV<String, Integer>, KV<Double, Long>>> out) {
      Object region = day.get("region");
      out.output(
          KV.of(
              KV.of(region == null ? "" : region.toString(), (Integer) day.get("local_date")),
              KV.of((Double) day.get("energy_mwh"), (Long) day.get("readings"))));
    }
  }

  /** A region's local day from its meters' days as (energy, readings). */
  static class DayFn extends TotalsFn<KV<Double, Long>> {
    @Override
    public Totals addInput(Totals t, KV<Double, Long> day) {
      t.add(day.getKey(), day.getValue() > 0, day.getValue());
      return t;
    }
  }

  static class HourRecordFn extends DoFn<KV<KV<String, Long>, Totals>, GenericRecord> {
    private final String schemaJson;
    private transient Schema schema;

    HourRecordFn(String schemaJson) {
      this.schemaJson = schemaJson;
    }

    @Setup
    public void setup() {
      schema = new Schema.Parser().parse(schemaJson);
    }

    @ProcessElement
    public void process(
        @Element KV<KV<String, Long>, Totals> e, OutputReceiver<GenericRecord> out) {
      GenericData.Record r = new GenericData.Record(schema);
      String region = e.getKey().getKey();
      r.put("region", region.isEmpty() ? null : region);
      r.put("window_start", e.getKey().getValue());
      r.put("window_end", e.getKey().getValue() + Hours.HOUR_MILLIS);
      r.put("energy_mwh", e.getValue().energy.value());
      r.put("meters_reporting", e.getValue().reporting);
      r.put("readings", e.getValue().readings);
      out.output(r);
    }
  }

  static class DayRecordFn extends DoFn<KV<KV<String, Integer>, Totals>, GenericRecord> {
    private final String schemaJson;
    private final TreeMap<String, Long> metersByRegion;
    private transient Schema schema;

    DayRecordFn(String schemaJson, TreeMap<String, Long> metersByRegion) {
      this.schemaJson = schemaJson;
      this.metersByRegion = metersByRegion;
    }

    @Setup
    public void setup() {
      schema = new Schema.Parser().parse(schemaJson);
    }

    @ProcessElement
    public void process(
        @Element KV<KV<String, Integer>, Totals> e, OutputReceiver<GenericRecord> out) {
      GenericData.Record r = new GenericData.Record(schema);
      String region = e.getKey().getKey();
      long listed = metersByRegion.getOrDefault(region, 0L);
      r.put("region", region.isEmpty() ? null : region);
      r.put("local_date", e.getKey().getValue());
      r.put("energy_mwh", e.getValue().energy.value());
      r.put("meters_reporting", e.getValue().reporting);
      r.put("meters_in_registry", listed);
      r.put("completeness_pct", listed == 0 ? null : 100.0 * e.getValue().reporting / listed);
      out.output(r);
    }
  }
}
