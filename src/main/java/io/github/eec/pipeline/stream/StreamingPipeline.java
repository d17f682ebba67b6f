package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.output.OutputFolders;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Readings from Kafka to hourly rows with revisions (Parquet), rejects and late lines: the whole
 * shape is {@link #build}. The job around it (options, start, end) is {@link StreamingJob}.
 */
public final class StreamingPipeline {
  /** The late readings' folder, beside the batch job's hourly and rejects. */
  public static final String LATE = "late";

  private StreamingPipeline() {}

  /** Builds the job into {@code pipeline}; returns the rows and rejects it computes. */
  public static PCollectionTuple build(Pipeline pipeline, StreamingConfig config) {
    PCollectionTuple read =
        pipeline.apply(
            "ReadKafkaLines",
            new ReadKafkaLines(
                config.bootstrapServers(),
                config.topic(),
                config.consumerProperties(),
                config.rules(),
                config.maxOutOfOrderness(),
                config.allowedLateness(),
                config.stopAfterIdle(),
                config.run()));
    PCollectionTuple results =
        read.get(ReadKafkaLines.LINES)
            .apply(
                "StreamHourlyRows",
                StreamHourlyRows.create()
                    .withRules(config.rules())
                    .withAllowedLateness(config.allowedLateness())
                    .withGapTimeout(config.gapTimeout()));
    results
        .get(StreamHourlyRows.ROWS)
        .apply(
            "WriteHourlyParquet",
            WriteStreamFiles.rows(
                folder(config.output(), OutputFolders.HOURLY),
                config.run(),
                config.flushInterval(),
                config.numShards()));
    results
        .get(StreamHourlyRows.REJECTS)
        .apply("RejectsAsJson", MapElements.into(TypeDescriptors.strings()).via(Reject::toJson))
        .apply(
            "WriteRejects",
            WriteStreamFiles.lines(
                folder(config.output(), OutputFolders.REJECTS),
                "rejects",
                ".jsonl",
                config.run(),
                config.flushInterval()));
    read.get(ReadKafkaLines.LATE)
        .apply("LateLines", Values.create())
        .apply(
            "WriteLateLines",
            WriteStreamFiles.lines(
                folder(config.output(), LATE),
                "late",
                ".csv",
                config.run(),
                config.flushInterval()));
    return results;
  }

  static String folder(String output, String name) {
    return FileSystems.matchNewResource(output, true)
        .resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }
}
