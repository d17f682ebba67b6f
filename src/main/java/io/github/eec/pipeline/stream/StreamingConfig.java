package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.options.StreamingOptions;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.joda.time.Duration;

/** The streaming job's settings, checked: what {@link StreamingPipeline#build} needs. */
public final class StreamingConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String bootstrapServers;
  private final String topic;
  private final HashMap<String, String> consumerProperties;
  private final String output;
  private final ReadingRules rules;
  private final Duration maxOutOfOrderness;
  private final Duration allowedLateness;
  private final Duration gapTimeout;
  private final Duration flushInterval;
  private final Duration stopAfterIdle;
  private final int numShards;
  private final String run;

  private StreamingConfig(StreamingOptions o, ReadingRules rules) {
    this.bootstrapServers = require("bootstrapServers", o.getBootstrapServers());
    this.topic = require("inputTopic", o.getInputTopic());
    this.consumerProperties =
        o.getConsumerProperties() == null
            ? new HashMap<>()
            : new HashMap<>(o.getConsumerProperties());
    this.output = require("output", o.getOutput());
    this.rules = rules;
    this.maxOutOfOrderness = StreamDurations.parse("maxOutOfOrderness", o.getMaxOutOfOrderness());
    this.allowedLateness = StreamDurations.parse("allowedLateness", o.getAllowedLateness());
    this.gapTimeout = StreamDurations.parse("gapTimeout", o.getGapTimeout());
    this.flushInterval = StreamDurations.parse("flushInterval", o.getFlushInterval());
    if (!gapTimeout.isLongerThan(Duration.ZERO)) {
      throw new InvalidOptionException("gapTimeout", "must be longer than 0, e.g. 15m");
    }
    if (!flushInterval.isLongerThan(Duration.ZERO)) {
      throw new InvalidOptionException("flushInterval", "must be longer than 0, e.g. 5s");
    }
    if (o.getStopAfterIdleSeconds() < 0) {
      throw new InvalidOptionException(
          "stopAfterIdleSeconds", "must be 0 (run until stopped) or more");
    }
    this.stopAfterIdle =
        o.getStopAfterIdleSeconds() == 0
            ? null
            : Duration.standardSeconds(o.getStopAfterIdleSeconds());
    if (o.getStreamShards() < 1 || o.getStreamShards() > 1000) {
      throw new InvalidOptionException(
          "streamShards", "must be between 1 and 1000, got " + o.getStreamShards());
    }
    this.numShards = o.getStreamShards();
    this.run =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now())
            + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
  }

  /** Checks the options; the reading rules come from the batch options given alongside. */
  public static StreamingConfig of(StreamingOptions options) {
    return new StreamingConfig(
        options, OptionsValidator.readingRules(options.as(HourlyMetricsOptions.class)));
  }

  private static String require(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidOptionException(option, "is empty");
    }
    return value.trim();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String topic() {
    return topic;
  }

  public Map<String, String> consumerProperties() {
    return consumerProperties;
  }

  public String output() {
    return output;
  }

  public ReadingRules rules() {
    return rules;
  }

  public Duration maxOutOfOrderness() {
    return maxOutOfOrderness;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  public Duration gapTimeout() {
    return gapTimeout;
  }

  public Duration flushInterval() {
    return flushInterval;
  }

  /** Null: run until stopped. */
  public Duration stopAfterIdle() {
    return stopAfterIdle;
  }

  public int numShards() {
    return numShards;
  }

  /** This start of the job: part of every file name, so no restart overwrites a file. */
  public String run() {
    return run;
  }
}
