package org.apache.beam.sdk.io.kafka;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.io.UnboundedSource;

/**
 * KafkaIO's own {@link UnboundedSource} of a read of byte values, built as KafkaIO's legacy
 * expansion builds it ({@code ReadFromKafkaViaUnbounded}). It lives in Beam's package because
 * {@code makeSource} is package-private, and the streaming job needs the source itself: it wraps it
 * so that every Flink subtask gets a split ({@code io.github.eec.pipeline.stream.SplitPerSubtask}).
 */
public final class KafkaReadSources {
  private KafkaReadSources() {}

  /** The source of {@code read}, whose keys and values are read as bytes. */
  public static UnboundedSource<KafkaRecord<byte[], byte[]>, KafkaCheckpointMark> ofBytes(
      KafkaIO.Read<byte[], byte[]> read) {
    return read.toBuilder()
        .setKeyCoder(ByteArrayCoder.of())
        .setValueCoder(ByteArrayCoder.of())
        .build()
        .makeSource();
  }
}
