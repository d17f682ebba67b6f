package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.ReadingRules;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaReadSources;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.joda.time.Duration;

/**
 * Reads a topic's records as {@code (origin, line)} pairs in event time ({@link #LINES}, the input
 * of the same parse step as batch) and the lines of readings too late to count ({@link #LATE}).
 * Values are read as bytes and decoded here, so a record that is not UTF-8 becomes a reject, never
 * a failed deserializer.
 */
final class ReadKafkaLines extends PTransform<PBegin, PCollectionTuple> {
  static final TupleTag<KV<String, String>> LINES = new TupleTag<KV<String, String>>() {};
  static final TupleTag<KV<String, String>> LATE = new TupleTag<KV<String, String>>() {};

  private final String bootstrapServers;
  private final String topic;
  private final Map<String, String> consumerProperties;
  private final ReadingRules rules;
  private final Duration maxOutOfOrderness;
  private final Duration allowedLateness;
  private final Duration stopAfterIdle;
  private final String runKey;

  ReadKafkaLines(
      String bootstrapServers,
      String topic,
      Map<String, String> consumerProperties,
      ReadingRules rules,
      Duration maxOutOfOrderness,
      Duration allowedLateness,
      Duration stopAfterIdle,
      String runKey) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.consumerProperties =
        consumerProperties == null ? new HashMap<>() : new HashMap<>(consumerProperties);
    this.rules = rules;
    this.maxOutOfOrderness = maxOutOfOrderness;
    this.allowedLateness = allowedLateness;
    this.stopAfterIdle = stopAfterIdle;
    this.runKey = runKey;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    HashMap<String, String> consumer = new HashMap<>();
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.putAll(consumerProperties);
    HashMap<String, String> tail = new HashMap<>(consumer);
    tail.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    KafkaIO.Read<byte[], byte[]> read =
        KafkaIO.<byte[], byte[]>read()
            .withBootstrapServers(bootstrapServers)
            .withTopic(topic)
            .withKeyDeserializer(ByteArrayDeserializer.class)
            .withValueDeserializer(ByteArrayDeserializer.class)
            .withConsumerConfigUpdates(new HashMap<String, Object>(consumer))
            .withTimestampPolicyFactory(
                ReadingTimePolicy.factory(
                    rules, maxOutOfOrderness, allowedLateness, stopAfterIdle, runKey, tail));
    // KafkaIO's own source (its legacy expansion's), split so that every subtask has a split.
    return begin
        .apply("ReadKafka", Read.from(SplitPerSubtask.of(KafkaReadSources.ofBytes(read))))
        .apply("ToLines", ParDo.of(new ToLineFn()).withOutputTags(LINES, TupleTagList.of(LATE)));
  }

  /** A record to its line and origin; a reading the source stamped too late to the late output. */
  static class ToLineFn extends DoFn<KafkaRecord<byte[], byte[]>, KV<String, String>> {
    private final Counter late =
        Metrics.counter(CounterNames.NAMESPACE, StreamCounters.LATE_READINGS);

    @ProcessElement
    public void process(ProcessContext c) {
      KafkaRecord<byte[], byte[]> record = c.element();
      String line = KafkaLines.line(record.getKV().getValue());
      KV<String, String> out =
          KV.of(
              KafkaLines.origin(record.getTopic(), record.getPartition(), record.getOffset()),
              line == null ? "" : line);
      if (c.timestamp().equals(ReadingTimePolicy.TOO_LATE)) {
        late.inc();
        c.output(LATE, out);
      } else {
        c.output(out);
      }
    }
  }
}
