package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.options.StreamingOptions;
import io.github.eec.pipeline.testing.CommandLineRun;
import io.github.eec.pipeline.testing.EveryProfile;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.pipeline.testing.RunnerProfile;
import io.github.eec.tools.verify.CrossRunnerOutputs;
import io.github.eec.tools.verify.ParquetRows;
import io.github.eec.tools.verify.TableRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicy.PartitionContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;

/**
 * The streaming job on a real broker ({@code scripts/kafka.sh}, a topic of 2 partitions) and the
 * profile's runner (DirectRunner; FlinkRunner streaming with parallelism 2; the SparkRunner is
 * refused at start-up): the sample feed, keyed by meter, with a record that is not UTF-8, an
 * oversized one and a reading two days late. Once the feed has ended, the latest revision of every
 * meter-hour in the Parquet output equals the batch job's row for the same lines, the rejects are
 * the batch job's, and the late reading is in the late output as its original line.
 */
@Category(EveryProfile.class)
public class KafkaStreamIT {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final String PROFILE = System.getProperty("it.runnerProfile", "direct");
  private static final Path PROJECT = Paths.get(System.getProperty("project.dir", "."));
  private static final String PORT = "29192";
  private static final String TOPIC = "readings";
  private static final String LATE_LINE = "MTR-000101,2024-02-28 00:07,92024400.0,1000.0";

  private static TestBroker broker;

  @BeforeClass
  public static void startBroker() throws Exception {
    broker = new TestBroker(PORT, TMP.newFolder("broker"));
    broker.kafka("start");
    broker.kafka("create-topic", TOPIC, "2");
  }

  @AfterClass
  public static void stopBroker() throws Exception {
    broker.kafka("stop");
  }

  @Test
  public void latestRevisionsEqualTheBatchRowsAndTheLateReadingIsKept() throws Exception {
    List<byte[]> records = new ArrayList<>();
    List<String> batchLines = new ArrayList<>();
    for (String line :
        Files.readAllLines(PROJECT.resolve("data/sample/readings-15min-00000-of-00001.csv"))) {
      records.add(line.getBytes(StandardCharsets.UTF_8));
      batchLines.add(line);
    }
    byte[] notUtf8 = {'M', 'T', 'R', ',', (byte) 0xC3, (byte) 0x28, ',', '1', ',', '1'};
    records.add(notUtf8);
    String oversized = "MTR-000102,2024-02-29 23:59," + "9".repeat(5000) + ",1";
    records.add(oversized.getBytes(StandardCharsets.UTF_8));
    records.add(LATE_LINE.getBytes(StandardCharsets.UTF_8));
    produce(records);
    Path batchInput = TMP.newFile("batch.csv").toPath();
    List<byte[]> batchBytes = new ArrayList<>();
    for (String line : batchLines) {
      batchBytes.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    batchBytes.add(notUtf8);
    batchBytes.add(("\n" + oversized + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(batchInput, concat(batchBytes));

    Path batchOut = TMP.newFolder("batch").toPath();
    RunSummary batch = Jobs.run(batchInput.toString(), batchOut, "--maxRejectedFraction=1");
    Map<String, HourlyMeterStats> expected = StreamFiles.batchRows(batchOut);

    Path streamOut = TMP.newFolder("stream").toPath();
    List<String> args = new ArrayList<>(runnerOptions());
    args.addAll(
        List.of(
            "--inputTopic=" + TOPIC,
            "--bootstrapServers=" + broker.bootstrap(),
            "--output=" + streamOut,
            "--maxOutOfOrderness=60s",
            "--allowedLateness=0s",
            "--gapTimeout=15m",
            "--flushInterval=1s",
            "--stopAfterIdleSeconds=5"));
    if (PROFILE.startsWith("spark")) {
      InvalidOptionException refused =
          assertThrows(
              InvalidOptionException.class, () -> StreamingJob.parse(args.toArray(new String[0])));
      assertTrue(refused.getMessage(), refused.getMessage().contains("SparkRunner"));
      return;
    }
    StreamingOptions options = StreamingJob.parse(args.toArray(new String[0]));
    Pipeline pipeline = Pipeline.create(options);
    StreamingPipeline.build(pipeline, StreamingConfig.of(options));
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish(Duration.standardMinutes(4));
    if (state != PipelineResult.State.DONE) {
      result.cancel();
    }
    assertEquals(PipelineResult.State.DONE, state);

    List<String> differences = StreamFiles.differences(expected, streamOut.resolve("hourly"));
    assertTrue(StreamFiles.describe(differences), differences.isEmpty());

    assertEquals(
        batch.get(CounterNames.LINES_REJECTED),
        RunSummary.of(result).get(CounterNames.LINES_REJECTED));
    assertEquals(
        batch.get(CounterNames.LINES_REJECTED),
        StreamFiles.lines(streamOut.resolve("rejects")).size());
    assertEquals(List.of(LATE_LINE), StreamFiles.lines(streamOut.resolve(StreamingPipeline.LATE)));
    assertEquals(1, RunSummary.of(result).get(StreamCounters.LATE_READINGS));
    // Lines counted per partition, not per record (a counter per record would grow without end).
    Map<String, Long> perPartition = RunSummary.of(result).byFile(CounterNames.LINES_READ_IN);
    assertEquals(
        perPartition.toString(), Set.of(TOPIC + "-0", TOPIC + "-1"), perPartition.keySet());
    assertEquals(
        RunSummary.of(result).get(CounterNames.LINES_READ),
        perPartition.values().stream().mapToLong(Long::longValue).sum());
    if (PROFILE.equals("direct")) { // a merge is the same on every runner (MergePortabilityIT)
      lateLinesMergedMakeTheTableExact(batchInput, streamOut);
    }
  }

  /**
   * README's way to take the late readings in: the day's readings merged into a table, then the
   * stream's late/ files; the table equals a plain run over the readings and the late line.
   */
  private static void lateLinesMergedMakeTheTableExact(Path feed, Path streamOut)
      throws IOException {
    Path table = TMP.newFolder("table").toPath();
    for (String input : List.of(feed.toString(), streamOut.resolve("late") + "/late-*.csv")) {
      int code =
          CommandLineRun.of(
                  "--input=" + input,
                  "--output=" + table,
                  "--merge=true",
                  "--runner=DirectRunner",
                  "--maxRejectedFraction=1")
              .code;
      assertEquals("merge of " + input, 0, code);
    }
    Path all = TMP.newFile("feed-and-late.csv").toPath();
    Files.write(all, Files.readAllBytes(feed));
    Files.write(
        all, ("\n" + LATE_LINE + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    Path plain = TMP.newFolder("plain").toPath();
    Jobs.run(all.toString(), plain, "--maxRejectedFraction=1");
    List<HourlyMeterStats> expected = ParquetRows.rows(plain.resolve("hourly"));
    assertTrue(
        "the late reading's hour is in the plain run",
        expected.stream()
            .anyMatch(
                r ->
                    r.meter().equals("MTR-000101")
                        && r.windowStart() == Instant.parse("2024-02-28T00:00:00Z").getMillis()));
    CrossRunnerOutputs.checkSameRows(
        "plain run of the feed and the late line",
        expected,
        "merge of the feed, then of late/",
        TableRows.rows(TableRows.load(table.resolve("warehouse").toString(), "eec.hourly")));
  }

  /**
   * A partition read on another machine: its policy shares nothing with this JVM's readers (a topic
   * progress of its own) and still follows the topic's newest reading, from the broker.
   */
  @Test
  public void anIdlePartitionFollowsReadingsItNeverReadThroughTheBroker() throws Exception {
    String topic = "tail";
    broker.kafka("create-topic", topic, "2");
    Properties props = broker.producerProperties();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (String line :
          List.of("A,2024-03-01 10:00:00,1,1", "A,2024-03-01 10:30:00,2,1", "bad line")) {
        producer.send(new ProducerRecord<>(topic, 0, null, line.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    HashMap<String, String> consumer =
        new HashMap<>(Map.of("bootstrap.servers", broker.bootstrap()));
    TimestampPolicy<byte[], byte[]> idle =
        ReadingTimePolicy.factory(
                ReadingRules.defaults(),
                Duration.standardMinutes(1),
                Duration.standardMinutes(10),
                null,
                "elsewhere-" + System.nanoTime(),
                consumer)
            .createTimestampPolicy(new TopicPartition(topic, 1), Optional.empty());
    PartitionContext caughtUp =
        new PartitionContext() {
          @Override
          public long getMessageBacklog() {
            return 0;
          }

          @Override
          public Instant getBacklogCheckTime() {
            return Instant.now();
          }
        };
    Instant expected = Instant.parse("2024-03-01T10:29:00Z");
    long deadline = System.currentTimeMillis() + 30_000;
    while (!idle.getWatermark(caughtUp).equals(expected)) {
      assertTrue(
          "the idle partition's watermark did not reach " + expected,
          System.currentTimeMillis() < deadline);
      Thread.sleep(100);
    }
  }

  /**
   * The runner of the Maven profile ({@code it.runnerProfile}): the DirectRunner, or Flink's
   * embedded cluster in streaming mode with checkpoints and parallelism 3, one more than the
   * partitions (a subtask without a partition must not hold the windows back).
   */
  private static List<String> runnerOptions() throws IOException, InterruptedException {
    if (PROFILE.equals("direct")) {
      return List.of("--runner=DirectRunner");
    }
    if (PROFILE.startsWith("spark")) {
      return RunnerProfile.options(PROFILE, List.of());
    }
    return RunnerProfile.options(
        PROFILE, List.of("--parallelism=3", "--checkpointingInterval=2000"));
  }

  private static void produce(List<byte[]> values) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(broker.producerProperties())) {
      for (byte[] value : values) {
        // Keyed by meter (the bytes before the first comma): a meter stays in one partition.
        int comma = 0;
        while (comma < value.length && value[comma] != ',') {
          comma++;
        }
        byte[] key = java.util.Arrays.copyOf(value, Math.max(comma, 1));
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
      }
    }
  }

  private static byte[] concat(List<byte[]> parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
