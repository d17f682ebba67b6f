package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.parse.ReadingLineParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The newest reading time among the last {@link #TAIL} records of every partition of a topic, read
 * with a consumer of its own (assigned, never in a group, never committing), kept open between
 * probes.
 */
final class BrokerTopicTail implements TopicProgress.TopicTail {
  /** Records read back from each partition's end: a few, in case the last are no readings. */
  static final int TAIL = 8;

  private static final Duration WAIT = Duration.ofSeconds(2);

  private final String topic;
  private final ReadingLineParser parser;
  private final KafkaConsumer<byte[], byte[]> consumer;

  BrokerTopicTail(String topic, Map<String, String> consumerConfig, ReadingRules rules) {
    this.topic = topic;
    this.parser = new ReadingLineParser(rules);
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "eec-topic-tail-" + topic);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumer = new KafkaConsumer<>(config);
  }

  @Override
  public OptionalLong newestReading() {
    List<TopicPartition> partitions = new ArrayList<>();
    List<PartitionInfo> infos = consumer.partitionsFor(topic, WAIT);
    if (infos == null) {
      return OptionalLong.empty();
    }
    for (PartitionInfo p : infos) {
      partitions.add(new TopicPartition(p.topic(), p.partition()));
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
    Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, WAIT);
    Map<TopicPartition, Long> pending = new HashMap<>();
    for (TopicPartition p : partitions) {
      long end = ends.getOrDefault(p, 0L);
      long begin = begins.getOrDefault(p, 0L);
      if (end > begin) {
        pending.put(p, end);
      }
    }
    consumer.assign(pending.keySet());
    pending.forEach((p, end) -> consumer.seek(p, Math.max(begins.get(p), end - TAIL)));
    long newest = Long.MIN_VALUE;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        String line = KafkaLines.line(r.value());
        if (line != null && parser.parse(line) == ReadingLineParser.Outcome.READING) {
          newest = Math.max(newest, parser.timeMillis());
        }
        TopicPartition p = new TopicPartition(r.topic(), r.partition());
        Long end = pending.get(p);
        if (end != null && r.offset() + 1 >= end) {
          pending.remove(p);
        }
      }
      // A partition whose last records were compacted or aborted ends short of its end offset.
      pending.keySet().removeIf(p -> consumer.position(p) >= pending.get(p));
    }
    return newest == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(newest);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(1));
  }
}
