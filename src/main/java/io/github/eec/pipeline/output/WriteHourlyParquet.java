package io.github.eec.pipeline.output;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyMeterStats;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the hourly rows as one Parquet dataset, {@code DIR/hourly-SSSSS-of-NNNNN.parquet} (Beam's
 * default naming in the global window: no window bounds, whose {@code :} Hadoop-based readers
 * reject). The shard count is fixed, never runner-chosen, so file names are unique and stable
 * across runners and reruns.
 */
public class WriteHourlyParquet
    extends PTransform<PCollection<HourlyMeterStats>, WriteFilesResult<Void>> {
  public static final int DEFAULT_NUM_SHARDS = 4;

  private final String directory;
  private final int numShards;

  private WriteHourlyParquet(String directory, int numShards) {
    this.directory = directory;
    this.numShards = numShards;
  }

  public static WriteHourlyParquet to(String directory) {
    return new WriteHourlyParquet(directory, DEFAULT_NUM_SHARDS);
  }

  public WriteHourlyParquet withNumShards(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be at least 1, got " + numShards);
    }
    return new WriteHourlyParquet(directory, numShards);
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<HourlyMeterStats> rows) {
    // The rows become Avro records inside the write, after its shuffle into shards: the shuffle
    // moves rows in their compact coder, not GenericRecords in AvroCoder, which the DirectRunner
    // re-encodes for every bundle it adds to a shard's buffer.
    return rows.apply(
        "WriteParquetFiles",
        FileIO.<HourlyMeterStats>write()
            .via(Contextful.fn(new ToRecord()), ParquetIO.sink(HourlyMeterStatsSchema.SCHEMA))
            .to(directory)
            .withNaming(FileIO.Write.defaultNaming("hourly", ".parquet"))
            .withNumShards(numShards));
  }

  /** One output row as an Avro record, counted as written. */
  static class ToRecord implements SerializableFunction<HourlyMeterStats, GenericRecord> {
    private final Counter rowsWritten =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.HOURLY_ROWS);

    @Override
    public GenericRecord apply(HourlyMeterStats row) {
      rowsWritten.inc();
      return HourlyMeterStatsSchema.toRecord(row);
    }
  }
}
