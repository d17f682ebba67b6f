package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.output.WriteCsv;
import io.github.eec.pipeline.output.WriteParquetRecords;
import io.github.eec.pipeline.registry.ReadMeterRegistry;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;

/**
 * What the business reads, from a run's hourly rows (measured and estimated): the daily roll-up per
 * meter in its own time zone, and with a registry the regional roll-ups per UTC hour and per local
 * day, each written as Parquet and, when asked, as CSV.
 */
public class RollUps extends PTransform<PCollection<HourlyMeterStats>, PDone> {
  public static final String DAILY = "daily";
  public static final String REGIONAL_HOURLY = "regional_hourly";
  public static final String REGIONAL_DAILY = "regional_daily";

  private final RollUpConfig config;
  private final Map<String, String> folders;
  private final String csvFolder;
  private final int meterGroups;

  private RollUps(
      RollUpConfig config, Map<String, String> folders, String csvFolder, int meterGroups) {
    this.config = config;
    this.folders = folders;
    this.csvFolder = csvFolder;
    this.meterGroups = meterGroups;
  }

  /** {@code folders}: the folder of each roll-up ({@link #DAILY}, ...). */
  public static RollUps of(RollUpConfig config, Map<String, String> folders) {
    return new RollUps(config, Map.copyOf(folders), null, 1 << 16);
  }

  /** Also each roll-up as {@code FOLDER/NAME.csv}. */
  public RollUps withCsvIn(String csvFolder) {
    return new RollUps(config, folders, csvFolder, meterGroups);
  }

  public RollUps withMeterGroups(int meterGroups) {
    return new RollUps(config, folders, csvFolder, meterGroups);
  }

  @Override
  public PDone expand(PCollection<HourlyMeterStats> hours) {
    RollUpPerMeter perMeter =
        RollUpPerMeter.create().withSchedule(config.schedule()).withMeterGroups(meterGroups);
    if (config.registry() != null) {
      perMeter =
          perMeter.withRegistry(
              hours
                  .getPipeline()
                  .apply("ReadMeterRegistry", ReadMeterRegistry.of(config.registry())),
              config.attributes());
    }
    PCollectionTuple meters = hours.apply("RollUpPerMeter", perMeter);
    write(meters.get(RollUpPerMeter.DAILY), DAILY, perMeter.dailySchema());
    if (config.registry() != null) {
      PCollectionTuple regions =
          meters.apply("RollUpRegions", RollUpRegions.of(config.registry().metersByRegion()));
      write(regions.get(RollUpRegions.HOURLY), REGIONAL_HOURLY, RollUpSchemas.regionalHourly());
      write(regions.get(RollUpRegions.DAILY), REGIONAL_DAILY, RollUpSchemas.regionalDaily());
    }
    return PDone.in(hours.getPipeline());
  }

  private void write(PCollection<GenericRecord> records, String name, Schema schema) {
    records.apply("Write_" + name, WriteParquetRecords.to(folders.get(name), name, schema));
    if (csvFolder != null) {
      records.apply("WriteCsv_" + name, WriteCsv.to(csvFolder, name, schema));
    }
  }
}
