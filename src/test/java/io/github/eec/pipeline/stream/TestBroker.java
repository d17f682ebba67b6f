package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The project's broker ({@code scripts/kafka.sh}) for an integration test: on a port of the test's
 * own, its data in a folder of the test's own, driven by the script's commands (start,
 * create-topic, kill, resume, stop) as a user would.
 */
final class TestBroker {
  private static final Path PROJECT = Paths.get(System.getProperty("project.dir", "."));

  private final String port;
  private final File dir;

  TestBroker(String port, File dir) {
    this.port = port;
    this.dir = dir;
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** {@code scripts/kafka.sh ARGS...} on this broker; fails the test unless it succeeds. */
  void kafka(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/kafka.sh"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile()).inheritIO();
    pb.environment().put("KAFKA_PORT", port);
    pb.environment().put("KAFKA_DIR", new File(dir, "kafka").getPath());
    Process p = pb.start();
    assertTrue("scripts/kafka.sh " + args[0] + " timed out", p.waitFor(3, TimeUnit.MINUTES));
    assertEquals("scripts/kafka.sh " + String.join(" ", args), 0, p.exitValue());
  }

  /** A producer of byte keys and values for this broker. */
  Properties producerProperties() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return props;
  }
}
