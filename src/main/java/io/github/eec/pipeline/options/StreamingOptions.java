package io.github.eec.pipeline.options;

import java.util.Map;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the streaming job ({@code --inputTopic}); {@code --help} lists them. The reading rules
 * ({@code --timeZone}, {@code --maxPowerMw}, ...) are those of {@link HourlyMetricsOptions}, given
 * the same way.
 */
public interface StreamingOptions extends PipelineOptions {

  @Description(
      "Streaming: the Kafka topic to read CSV readings from, one line `meter,time,energy,power` per "
          + "record value (UTF-8; keys are ignored). Giving it runs the streaming job.")
  @Validation.Required
  String getInputTopic();

  void setInputTopic(String value);

  @Description("Streaming: the Kafka brokers, HOST:PORT[,HOST:PORT...].")
  @Validation.Required
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description(
      "Streaming: further Kafka consumer properties, as JSON, e.g. "
          + "'{\"group.id\":\"eec\",\"auto.offset.reset\":\"latest\"}'. Default: read the topic from "
          + "its earliest offset.")
  Map<String, String> getConsumerProperties();

  void setConsumerProperties(Map<String, String> value);

  @Description(
      "Streaming: output folder. Hourly rows go to OUTPUT/hourly/day=YYYY-MM-DD/hour=HH/*.parquet "
          + "(with a revision column), rejected lines to OUTPUT/rejects/, readings that came too late "
          + "to OUTPUT/late/ (the original lines).")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Streaming: how far behind the newest reading (in event time) a reading may arrive and still be "
          + "on time, e.g. 60s, 2m. Hour rows wait this long: it is most of their latency.")
  @Default.String("60s")
  String getMaxOutOfOrderness();

  void setMaxOutOfOrderness(String value);

  @Description(
      "Streaming: how far behind the watermark a reading may still arrive and restate its hour's row "
          + "(revision + 1); later ones go to OUTPUT/late/. E.g. 0s, 10m, 1h.")
  @Default.String("10m")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description(
      "Streaming: a meter without a reading after its latest hour for this long (event time) gets "
          + "that hour's row, provisional (as batch writes a meter's last hour); restated when the "
          + "meter comes back. E.g. 15m, 1h.")
  @Default.String("15m")
  String getGapTimeout();

  void setGapTimeout(String value);

  @Description(
      "Streaming: how often finished rows are written out as new files (processing time), e.g. 5s.")
  @Default.String("5s")
  String getFlushInterval();

  void setFlushInterval(String value);

  @Description(
      "Streaming: Parquet files per flush and hour partition (at most; fewer when fewer rows).")
  @Default.Integer(1)
  int getStreamShards();

  void setStreamShards(int value);

  @Description(
      "Streaming: end the job once every partition has been caught up and without new records for "
          + "this many seconds (for a finite feed: tests, replays). 0: run until stopped.")
  @Default.Long(0)
  long getStopAfterIdleSeconds();

  void setStopAfterIdleSeconds(long value);
}
