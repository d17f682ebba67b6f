package io.github.eec.pipeline.stream;

import java.nio.charset.StandardCharsets;

/** A Kafka record's value as the line the batch job would have read from a file. */
final class KafkaLines {
  private KafkaLines() {}

  /**
   * The value decoded as UTF-8 (invalid bytes become U+FFFD, which the parser rejects as {@code
   * INVALID_ENCODING}, as TextIO does), without a trailing line break; null for a null value.
   */
  static String line(byte[] value) {
    if (value == null) {
      return null;
    }
    int end = value.length;
    if (end > 0 && value[end - 1] == '\n') {
      end--;
      if (end > 0 && value[end - 1] == '\r') {
        end--;
      }
    }
    return new String(value, 0, end, StandardCharsets.UTF_8);
  }

  /**
   * Where a record came from, in place of the batch job's file name: {@code
   * topic-partition@offset}.
   */
  static String origin(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  /**
   * The partition of an {@link #origin}, {@code topic-partition}: what the per-file counters count
   * a record under (a counter per record would grow without end).
   */
  static String partitionOf(String origin) {
    int at = origin.lastIndexOf('@');
    return at < 0 ? origin : origin.substring(0, at);
  }
}
