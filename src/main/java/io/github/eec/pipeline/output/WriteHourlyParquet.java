package io.github.eec.pipeline.output;

import io.github.eec.pipeline.metrics.PipelineCounters;
import io.github.eec.pipeline.model.HourlyMeterStats;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Writes the hourly rows as one Parquet dataset: {@code DIR/hourly-SSSSS-of-NNNNN.parquet}. */
public class WriteHourlyParquet extends PTransform<PCollection<HourlyMeterStats>, WriteFilesResult<Void>> {
  private final String directory;
  private final int numShards;

  public WriteHourlyParquet(String directory, int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("--numShards must be at least 1, got " + numShards);
    }
    this.directory = directory;
    this.numShards = numShards;
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<HourlyMeterStats> rows) {
    return rows.apply("ToAvroRecords", ParDo.of(new ToRecordFn()))
        .setCoder(AvroCoder.of(GenericRecord.class, HourlyStatsSchema.SCHEMA))
        .apply(
            "WriteParquetFiles",
            FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(HourlyStatsSchema.SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY))
                .to(directory)
                .withNaming(new ShardFileNaming("hourly", ".parquet"))
                .withNumShards(numShards));
  }

  static class ToRecordFn extends DoFn<HourlyMeterStats, GenericRecord> {
    private final Counter rowsWritten = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.HOURLY_ROWS);

    @ProcessElement
    public void process(@Element HourlyMeterStats row, OutputReceiver<GenericRecord> out) {
      rowsWritten.inc();
      out.output(HourlyStatsSchema.toRecord(row));
    }
  }
}
