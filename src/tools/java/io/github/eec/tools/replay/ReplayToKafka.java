package io.github.eec.tools.replay;

import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.parse.ReadingLineParser;
import io.github.eec.tools.verify.ParquetRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Replays reading files into a topic in their event time, compressed: a reading at time t is sent
 * at {@code start + (t - first) / speedup} (120: one simulated hour per 30 s), keyed by meter. With
 * {@code --watch=OUTPUT/hourly} it also measures the streaming job's latency: for every meter-hour,
 * from sending the meter's first reading after the hour (the anchor its row waits for) to the first
 * poll that finds the row in a published file. Exits 1 if the producer gave up on any line.
 *
 * <pre>
 * ReplayToKafka --bootstrapServers=127.0.0.1:29092 --topic=readings --speedup=120 \
 *   [--watch=OUT/hourly --linger=20] FILE...
 * </pre>
 */
@Command(
    name = "ReplayToKafka",
    description = "Replays reading files into a Kafka topic in their own event time, compressed.",
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class ReplayToKafka implements Callable<Integer> {
  @Option(
      names = "--bootstrapServers",
      paramLabel = "HOST:PORT",
      required = true,
      description = "the broker(s) to send to")
  String bootstrapServers;

  @Option(names = "--topic", required = true, description = "the topic to send to")
  String topic;

  @Option(
      names = "--speedup",
      defaultValue = "120",
      description = "simulated seconds per second: 120 is one simulated hour per 30 s")
  double speedup;

  @Option(
      names = "--watch",
      paramLabel = "OUTPUT/hourly",
      description = "the job's hourly rows: measure the latency of each meter-hour")
  Path watch;

  @Option(
      names = "--linger",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "with --watch, how long to watch after the last line is sent")
  long lingerSeconds;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files, .gz too")
  List<Path> files;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayToKafka()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!(speedup > 0) || lingerSeconds < 0) {
      throw new ParameterException(spec.commandLine(), "--speedup must be > 0 and --linger >= 0");
    }
    long linger = lingerSeconds * 1000;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    ReadingLineParser parser = new ReadingLineParser(ReadingRules.defaults());
    // When each meter-hour's first reading was sent: the anchor of the hour before it.
    Map<String, Long> firstSent = new HashMap<>();
    Map<String, Long> seen = new TreeMap<>();
    Set<Path> read = new HashSet<>();
    long start = System.currentTimeMillis();
    long first = Long.MIN_VALUE;
    long sent = 0;
    long nextPoll = 0;
    DeliveryFailures failures = new DeliveryFailures();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (Path file : files) {
        try (BufferedReader in = reader(file)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (parser.parse(line) == ReadingLineParser.Outcome.READING) {
              long t = parser.timeMillis();
              if (first == Long.MIN_VALUE) {
                first = t;
              }
              long due = start + (long) ((t - first) / speedup);
              while (System.currentTimeMillis() < due) {
                if (watch != null && System.currentTimeMillis() >= nextPoll) {
                  poll(watch, read, seen);
                  nextPoll = System.currentTimeMillis() + 200;
                }
                Thread.sleep(Math.max(0, Math.min(50, due - System.currentTimeMillis())));
              }
              String key = parser.meter() + "@" + Hours.hourStart(t);
              producer.send(new ProducerRecord<>(topic, parser.meter(), line), failures);
              firstSent.putIfAbsent(key, System.currentTimeMillis());
            } else {
              producer.send(new ProducerRecord<>(topic, "-", line), failures);
            }
            sent++;
          }
        }
      }
    }
    System.out.printf(
        "sent %d lines in %.1f s%n", sent, (System.currentTimeMillis() - start) / 1e3);
    if (failures.count() > 0) {
      // A feed with holes would make every comparison with batch fail for the wrong reason.
      System.err.printf(
          "%d of %d lines were not delivered, the first because of: %s%n",
          failures.count(), sent, failures.first());
      return 1;
    }
    if (watch == null) {
      return 0;
    }
    long end = System.currentTimeMillis() + linger;
    while (System.currentTimeMillis() < end) {
      poll(watch, read, seen);
      Thread.sleep(200);
    }
    report(firstSent, seen);
    return 0;
  }

  /** Counts the sends the producer gave up on (its retries exhausted), keeping the first cause. */
  private static final class DeliveryFailures implements Callback {
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Exception> first = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception e) {
      if (e != null) {
        count.incrementAndGet();
        first.compareAndSet(null, e);
      }
    }

    long count() {
      return count.get();
    }

    Exception first() {
      return first.get();
    }
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Records when each meter-hour's revision 0 was first found in a published file. */
  private static void poll(Path watch, Set<Path> read, Map<String, Long> seen) throws IOException {
    if (!Files.isDirectory(watch)) {
      return;
    }
    long now = System.currentTimeMillis();
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(watch)) {
      dirs = s.filter(Files::isDirectory).collect(Collectors.toList());
    }
    for (Path dir : dirs) {
      for (Path f : ParquetRows.files(dir)) {
        if (!f.getFileName().toString().startsWith(".") && read.add(f)) {
          try (ParquetReader<GenericRecord> reader =
              AvroParquetReader.<GenericRecord>builder(
                      HadoopInputFile.fromPath(
                          new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))
                  .build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
              seen.putIfAbsent(r.get("meter") + "@" + r.get("window_start"), now);
            }
          }
        }
      }
    }
  }

  /** Latency of each meter-hour with a next hour: row seen minus its anchor's sending. */
  private static void report(Map<String, Long> firstSent, Map<String, Long> seen) {
    Map<String, List<Long>> hoursByMeter = new HashMap<>();
    for (String key : firstSent.keySet()) {
      int at = key.lastIndexOf('@');
      hoursByMeter
          .computeIfAbsent(key.substring(0, at), m -> new ArrayList<>())
          .add(Long.parseLong(key.substring(at + 1)));
    }
    List<Long> latencies = new ArrayList<>();
    int missing = 0;
    for (Map.Entry<String, List<Long>> m : hoursByMeter.entrySet()) {
      List<Long> hours = m.getValue();
      Collections.sort(hours);
      for (int i = 0; i + 1 < hours.size(); i++) {
        Long at = seen.get(m.getKey() + "@" + hours.get(i));
        if (at == null) {
          missing++;
          continue;
        }
        latencies.add(at - firstSent.get(m.getKey() + "@" + hours.get(i + 1)));
      }
    }
    Collections.sort(latencies);
    if (latencies.isEmpty()) {
      System.out.println("latency: no rows seen (" + missing + " missing)");
      return;
    }
    System.out.printf(
        "latency (anchor sent -> row in a published file), %d meter-hours: median %.1f s, p99 %.1f"
            + " s, max %.1f s; %d not seen%n",
        latencies.size(),
        latencies.get(latencies.size() / 2) / 1e3,
        latencies.get((int) Math.min(latencies.size() - 1, Math.round(latencies.size() * 0.99)))
            / 1e3,
        latencies.get(latencies.size() - 1) / 1e3,
        missing);
  }
}
