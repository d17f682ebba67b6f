package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.counters.CounterNames;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the merged rows as the hourly table's Parquet data files ({@link WriteDayFiles}: one
 * folder per UTC day, {@code RUNID-hourly-SSSSS-of-NNNNN.parquet}).
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
    return new WriteTableFiles(plan, numShards);
  }

  /** The name prefix of this merge's data files. */
  public static String filePrefix(String runId) {
    return runId + "-hourly";
  }

  @Override
  public WriteFilesResult<Integer> expand(PCollection<TableHour> rows) {
    return rows.apply(
        "WriteHourlyDayFiles",
        WriteDayFiles.of(
                plan.dataLocation(),
                HourlyTable.TABLE,
                filePrefix(plan.runId()),
                TableHour::day,
                new ToRecord())
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
