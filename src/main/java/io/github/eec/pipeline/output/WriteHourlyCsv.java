package io.github.eec.pipeline.output;

import io.github.eec.pipeline.model.HourlyMeterStats;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;

/** The hourly rows as {@code DIR/hourly.csv}, with the Parquet's columns. */
public class WriteHourlyCsv extends PTransform<PCollection<HourlyMeterStats>, PDone> {
  private final String directory;

  private WriteHourlyCsv(String directory) {
    this.directory = directory;
  }

  public static WriteHourlyCsv to(String directory) {
    return new WriteHourlyCsv(directory);
  }

  @Override
  public PDone expand(PCollection<HourlyMeterStats> rows) {
    return rows.apply(
            "ToRecords",
            MapElements.into(TypeDescriptor.of(GenericRecord.class))
                .via(HourlyMeterStatsSchema::toRecord))
        .setCoder(AvroCoder.of(HourlyMeterStatsSchema.SCHEMA))
        .apply(
            "WriteCsv",
            WriteCsv.to(directory, OutputFolders.HOURLY, HourlyMeterStatsSchema.SCHEMA));
  }
}
