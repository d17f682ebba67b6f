package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.counters.CounterNames;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the merged rows as the table's Parquet data files, one folder per UTC day as Iceberg lays
 * out the partitions ({@code
 * data/window_start_day=2024-03-01/RUNID-hourly-SSSSS-of-NNNNN.parquet}): each file lies wholly in
 * one partition, and the run id keeps every merge's files apart from the files of the table
 * versions readers may still be reading. Nothing is visible before the commit.
 */
public class WriteTableFiles extends PTransform<PCollection<TableHour>, WriteFilesResult<Integer>> {
  private final MergePlan plan;
  private final int numShards;

  private WriteTableFiles(MergePlan plan, int numShards) {
    this.plan = plan;
    this.numShards = numShards;
  }

  public static WriteTableFiles of(MergePlan plan) {
    return new WriteTableFiles(plan, 1);
  }

  /** Files per day. */
  public WriteTableFiles withNumShards(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be at least 1, got " + numShards);
    }
    return new WriteTableFiles(plan, numShards);
  }

  /** The name prefix of this merge's data files. */
  public static String filePrefix(String runId) {
    return runId + "-hourly";
  }

  @Override
  public WriteFilesResult<Integer> expand(PCollection<TableHour> rows) {
    MergePlan p = plan;
    return rows.apply(
        "WriteDayFiles",
        FileIO.<Integer, TableHour>writeDynamic()
            .by(TableHour::day)
            .withDestinationCoder(VarIntCoder.of())
            .via(Contextful.fn(new ToRecord()), ParquetIO.sink(HourlyTable.AVRO_SCHEMA))
            .withTempDirectory(p.dataLocation())
            .withNaming(
                day ->
                    FileIO.Write.relativeFileNaming(
                        StaticValueProvider.of(p.partitionLocation(day)),
                        FileIO.Write.defaultNaming(filePrefix(p.runId()), ".parquet")))
            .withNumShards(numShards));
  }

  static class ToRecord implements SerializableFunction<TableHour, GenericRecord> {
    private final Counter rowsWritten =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.HOURLY_ROWS);

    @Override
    public GenericRecord apply(TableHour row) {
      rowsWritten.inc();
      return HourlyTable.toRecord(row);
    }
  }
}
