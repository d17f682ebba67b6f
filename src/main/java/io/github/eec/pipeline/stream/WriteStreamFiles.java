package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.Hours;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * The stream's file outputs: every {@code flushInterval} (processing time) the rows, rejects or
 * late lines gathered since become new files. Names carry the run, the pane index and the shard, so
 * a flush never overwrites an earlier one, also across restarts of the job.
 */
final class WriteStreamFiles {
  private WriteStreamFiles() {}

  private static final DateTimeFormatter PARTITION =
      DateTimeFormatter.ofPattern("'day='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);

  /** Rows as Parquet in {@code DIR/day=YYYY-MM-DD/hour=HH/} of their UTC hour. */
  static PTransform<PCollection<RevisedRow>, PDone> rows(
      String directory, String run, Duration flushInterval, int numShards) {
    return new PTransform<PCollection<RevisedRow>, PDone>() {
      @Override
      public PDone expand(PCollection<RevisedRow> rows) {
        rows.apply("Flushes", flushes(flushInterval))
            .apply(
                "WriteParquet",
                FileIO.<String, RevisedRow>writeDynamic()
                    .by(new PartitionOf())
                    .withDestinationCoder(StringUtf8Coder.of())
                    .via(Contextful.fn(new ToRecord()), ParquetIO.sink(RevisedRowSchema.SCHEMA))
                    .to(directory)
                    .withNaming(partition -> naming(partition + "/hourly", run, ".parquet"))
                    .withNumShards(numShards));
        return PDone.in(rows.getPipeline());
      }
    };
  }

  /**
   * Lines (JSON lines of rejects, or late CSV lines) as text files {@code DIR/PREFIX-...SUFFIX}.
   */
  static PTransform<PCollection<String>, PDone> lines(
      String directory, String prefix, String suffix, String run, Duration flushInterval) {
    return new PTransform<PCollection<String>, PDone>() {
      @Override
      public PDone expand(PCollection<String> lines) {
        lines
            .apply("Flushes", flushes(flushInterval))
            .apply(
                "WriteText",
                FileIO.<String>write()
                    .via(TextIO.sink())
                    .to(directory)
                    .withNaming(naming(prefix, run, suffix))
                    .withNumShards(1));
        return PDone.in(lines.getPipeline());
      }
    };
  }

  private static <T> Window<T> flushes(Duration flushInterval) {
    return Window.<T>into(new GlobalWindows())
        .triggering(
            Repeatedly.forever(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(flushInterval)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes();
  }

  /** {@code PREFIX-RUN-PANE-SHARD-of-SHARDS.SUFFIX}: unique per run, pane and shard. */
  private static FileIO.Write.FileNaming naming(String prefix, String run, String suffix) {
    return (window, pane, numShards, shardIndex, compression) ->
        String.format(
            "%s-%s-%06d-%05d-of-%05d%s",
            prefix, run, pane.getIndex(), shardIndex, numShards, suffix);
  }

  /** The partition of a row: its UTC day and hour. */
  static String partitionOf(long hourStart) {
    return PARTITION.format(Instant.ofEpochMilli(Hours.hourStart(hourStart)));
  }

  static class PartitionOf implements SerializableFunction<RevisedRow, String> {
    @Override
    public String apply(RevisedRow r) {
      return partitionOf(r.row().windowStart());
    }
  }

  /** One row as an Avro record, counted as written. */
  static class ToRecord implements SerializableFunction<RevisedRow, GenericRecord> {
    private final Counter rowsWritten =
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.HOURLY_ROWS);

    @Override
    public GenericRecord apply(RevisedRow row) {
      rowsWritten.inc();
      return RevisedRowSchema.toRecord(row);
    }
  }
}
