package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.output.WriteCsv;
import io.github.eec.pipeline.registry.ReadMeterRegistry;
import io.github.eec.pipeline.rollup.RollUpConfig;
import io.github.eec.pipeline.rollup.RollUpPerMeter;
import io.github.eec.pipeline.rollup.RollUpRegions;
import io.github.eec.pipeline.rollup.RollUpSchemas;
import io.github.eec.pipeline.rollup.RollUps;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The merge's roll-ups: the roll-up tables' rows of every day the merge rewrites (and of the days
 * an earlier merge left behind), made from the hourly table as it will be, estimated gap hours
 * included, by the plain run's roll-up transforms.
 *
 * <p>A local day lies within the UTC day before and the day after its date, whatever the zone: the
 * rows of a rewritten day {@code d} change the local days {@code d-1 .. d+1}, and those need the
 * hourly rows of {@code d-2 .. d+2}. So the merge's new rows of its days, and the table's rows of
 * the days around them read as they are, give every changed roll-up row exactly: the daily and
 * regional-daily rows of {@code d-1 .. d+1} and the regional hourly rows of {@code d}, each
 * partition whole, for all meters.
 */
public class MergeRollUps extends PTransform<PCollectionTuple, PDone> {
  private final MergePlan plan;
  private final RollUpConfig config;
  private final RollUpTables tables;
  private final TreeMap<String, String> dataLocations;
  private final TreeSet<Integer> daysBehind;
  private final int meterGroups;
  private final String csvFolder;

  private MergeRollUps(
      MergePlan plan,
      RollUpConfig config,
      RollUpTables tables,
      Map<String, String> dataLocations,
      Set<Integer> daysBehind,
      int meterGroups,
      String csvFolder) {
    this.csvFolder = csvFolder;
    this.plan = plan;
    this.config = config;
    this.tables = tables;
    this.dataLocations = new TreeMap<>(dataLocations);
    this.daysBehind = new TreeSet<>(daysBehind);
    this.meterGroups = meterGroups;
  }

  /**
   * @param dataLocations each roll-up table's data folder, by roll-up name
   * @param daysBehind the UTC days whose roll-ups an earlier merge did not commit
   */
  public static MergeRollUps of(
      MergePlan plan,
      RollUpConfig config,
      RollUpTables tables,
      Map<String, String> dataLocations,
      Set<Integer> daysBehind) {
    return new MergeRollUps(plan, config, tables, dataLocations, daysBehind, 1 << 16, null);
  }

  public MergeRollUps withMeterGroups(int meterGroups) {
    return new MergeRollUps(
        plan, config, tables, dataLocations, daysBehind, meterGroups, csvFolder);
  }

  /** Also the roll-up rows this merge writes as {@code FOLDER/NAME.csv}, as a plain run's. */
  public MergeRollUps withCsvIn(String csvFolder) {
    return new MergeRollUps(
        plan, config, tables, dataLocations, daysBehind, meterGroups, csvFolder);
  }

  /** Input: the outputs of {@link MergeWithTable}. */
  @Override
  public PDone expand(PCollectionTuple merged) {
    PCollection<Integer> rewritten = merged.get(MergeWithTable.DAYS);
    PCollection<Integer> behind =
        merged.getPipeline().apply("DaysBehind", Create.of(daysBehind).withCoder(VarIntCoder.of()));
    PCollection<Integer> days =
        PCollectionList.of(rewritten)
            .and(behind)
            .apply("AllDays", Flatten.pCollections())
            .apply("EachRollUpDayOnce", Distinct.create());
    PCollectionView<List<Integer>> rewrittenView =
        rewritten.apply("RewrittenDaysView", View.asList());
    PCollectionView<List<Integer>> daysView = days.apply("RollUpDaysView", View.asList());

    PCollection<TableHour> around =
        days.apply("DaysAround", ParDo.of(new DaysAroundFn()))
            .apply("EachDayAroundOnce", Distinct.create())
            .apply(
                "NotRewritten",
                ParDo.of(new NotRewrittenFn(rewrittenView)).withSideInputs(rewrittenView))
            .apply("ReadDaysAround", ReadTableDays.of(plan));
    PCollection<HourlyMeterStats> hours =
        PCollectionList.of(merged.get(MergeWithTable.ROWS))
            .and(around)
            .apply("NewAndAroundRows", Flatten.pCollections())
            .apply(
                "ToHourlyRows",
                MapElements.into(TypeDescriptor.of(HourlyMeterStats.class)).via(TableHour::stats));

    RollUpPerMeter perMeter =
        RollUpPerMeter.create()
            .withSchedule(config.schedule())
            .withMeterGroups(meterGroups)
            .onlyForDays(daysView);
    if (config.registry() != null) {
      perMeter =
          perMeter.withRegistry(
              merged
                  .getPipeline()
                  .apply("ReadMeterRegistry", ReadMeterRegistry.of(config.registry())),
              config.attributes());
    }
    PCollectionTuple meters = hours.apply("RollUpPerMeter", perMeter);
    write(meters.get(RollUpPerMeter.DAILY), RollUps.DAILY, perMeter.dailySchema());
    if (config.registry() != null) {
      PCollectionTuple regions =
          meters.apply("RollUpRegions", RollUpRegions.of(config.registry().metersByRegion()));
      write(
          regions.get(RollUpRegions.HOURLY),
          RollUps.REGIONAL_HOURLY,
          RollUpSchemas.regionalHourly());
      write(
          regions.get(RollUpRegions.DAILY), RollUps.REGIONAL_DAILY, RollUpSchemas.regionalDaily());
    }
    return PDone.in(merged.getPipeline());
  }

  private void write(PCollection<GenericRecord> records, String rollUp, Schema plainSchema) {
    if (csvFolder != null) {
      records.apply("WriteCsv_" + rollUp, WriteCsv.to(csvFolder, rollUp, plainSchema));
    }
    RollUpTables.Entry entry = tables.entry(rollUp);
    records.apply(
        "Write_" + rollUp,
        WriteDayFiles.of(
            dataLocations.get(rollUp),
            entry.format,
            entry.filePrefix(plan.runId()),
            new DayOf(entry),
            new ToTableRecord(entry)));
  }

  static class DayOf implements SerializableFunction<GenericRecord, Integer> {
    private final RollUpTables.Entry entry;

    DayOf(RollUpTables.Entry entry) {
      this.entry = entry;
    }

    @Override
    public Integer apply(GenericRecord r) {
      return entry.dayOf(r);
    }
  }

  static class ToTableRecord implements SerializableFunction<GenericRecord, GenericRecord> {
    private final RollUpTables.Entry entry;
    private transient Schema schema;

    ToTableRecord(RollUpTables.Entry entry) {
      this.entry = entry;
    }

    @Override
    public GenericRecord apply(GenericRecord r) {
      if (schema == null) {
        schema = entry.format.avro();
      }
      return RollUpTables.toTableRecord(r, schema);
    }
  }

  /** A day to itself and the two days either side. */
  static class DaysAroundFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer day, OutputReceiver<Integer> out) {
      for (int d = day - 2; d <= day + 2; d++) {
        out.output(d);
      }
    }
  }

  /** Drops the days the merge rewrites: their rows are the merge's new ones. */
  static class NotRewrittenFn extends DoFn<Integer, Integer> {
    private final PCollectionView<List<Integer>> rewritten;

    NotRewrittenFn(PCollectionView<List<Integer>> rewritten) {
      this.rewritten = rewritten;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Set<Integer> days = new HashSet<>(c.sideInput(rewritten));
      if (!days.contains(c.element())) {
        c.output(c.element());
      }
    }
  }
}
