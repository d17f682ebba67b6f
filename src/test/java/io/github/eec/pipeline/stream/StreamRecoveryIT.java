package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.options.StreamingOptions;
import io.github.eec.pipeline.testing.EveryProfile;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.pipeline.testing.RunnerProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.joda.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;

/**
 * The streaming job on Flink (streaming, parallelism 2, a checkpoint a second) survives faults in
 * the middle of a feed: the job fails once while rows are being emitted and Flink restarts it from
 * its last checkpoint; later the broker is killed for 20 s and comes back. The latest revision of
 * every meter-hour still equals the batch job's row for the same lines, and a revision never stands
 * for two rows (rows written again after the restart are identical).
 *
 * <p>The slower faults of a real cluster (a TaskManager killed, a savepoint and a new job) are in
 * {@code scripts/stream-fault-test.sh}.
 */
@Category(EveryProfile.class)
public class StreamRecoveryIT {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final String PROFILE = System.getProperty("it.runnerProfile", "direct");
  private static final Path PROJECT = Paths.get(System.getProperty("project.dir", "."));
  private static final String PORT = "29292";
  private static final String TOPIC = "readings";

  /** Eight hours of the sample's 10 meters at 15 s: about 19,000 lines, with its faulty ones. */
  private static final LocalDateTime END = LocalDateTime.parse("2024-02-28T08:00");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final long FAIL_AT_HOUR =
      java.time.Instant.parse("2024-02-28T02:00:00Z").toEpochMilli();

  /** Set when the injected failure has been thrown (once per JVM: Flink's restart must not). */
  static final AtomicBoolean FAILED = new AtomicBoolean();

  /** Meter-hours of the rows emitted before and after the failure, with their revisions. */
  static final Set<String> BEFORE = ConcurrentHashMap.newKeySet();

  static final Set<String> AFTER = ConcurrentHashMap.newKeySet();

  private static TestBroker broker;

  @BeforeClass
  public static void startBroker() throws Exception {
    assumeTrue("restarts from a checkpoint need Flink", PROFILE.startsWith("flink"));
    broker = new TestBroker(PORT, TMP.newFolder("broker"));
    broker.kafka("start");
    broker.kafka("create-topic", TOPIC, "2");
  }

  @AfterClass
  public static void stopBroker() throws Exception {
    if (broker != null) {
      broker.kafka("stop");
    }
  }

  @Test
  public void aFailedJobRestoredFromItsCheckpointAndABrokerOutageLeaveTheRowsExact()
      throws Exception {
    List<String> lines = feed();
    Path batchInput = TMP.newFile("batch.csv").toPath();
    Files.write(batchInput, lines);
    Path batchOut = TMP.newFolder("batch").toPath();
    Jobs.run(batchInput.toString(), batchOut, "--maxRejectedFraction=1");
    Map<String, HourlyMeterStats> expected = StreamFiles.batchRows(batchOut);

    Path streamOut = TMP.newFolder("stream").toPath();
    List<String> args =
        new ArrayList<>(
            RunnerProfile.options(
                PROFILE,
                List.of(
                    "--parallelism=2",
                    "--checkpointingInterval=1000",
                    "--numberOfExecutionRetries=3",
                    "--executionRetryDelay=1000",
                    "--stateBackend=filesystem",
                    "--stateBackendStoragePath=" + TMP.newFolder("checkpoints").toURI())));
    args.addAll(
        List.of(
            "--inputTopic=" + TOPIC,
            "--bootstrapServers=" + broker.bootstrap(),
            "--output=" + streamOut,
            "--maxOutOfOrderness=60s",
            "--allowedLateness=0s",
            "--gapTimeout=15m",
            "--flushInterval=1s",
            "--stopAfterIdleSeconds=20"));
    StreamingOptions options = StreamingJob.parse(args.toArray(new String[0]));
    Pipeline pipeline = Pipeline.create(options);
    StreamingPipeline.build(pipeline, StreamingConfig.of(options))
        .get(StreamHourlyRows.ROWS)
        .apply("FailOnce", ParDo.of(new FailOnceFn()));
    CompletableFuture<PipelineResult> job = CompletableFuture.supplyAsync(pipeline::run);

    int quarter = lines.size() / 4;
    int twoThirds = lines.size() * 2 / 3;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
      // Two hours, then the rest of the first two thirds at a steady pace once the job emits rows:
      // it fails on the way, when the fourth hour's readings arrive.
      send(producer, lines.subList(0, quarter));
      await("the job's first rows", job, () -> !BEFORE.isEmpty(), 180);
      send(producer, lines.subList(quarter, twoThirds));
      await("the injected failure", job, FAILED::get, 60);
      await("rows from the restarted job", job, () -> !AFTER.isEmpty(), 120);
      System.err.println(java.time.Instant.now() + " killing the broker");
      broker.kafka("kill");
      Thread.sleep(20_000);
      broker.kafka("resume");
      System.err.println(java.time.Instant.now() + " broker back; sending the last third");
      send(producer, lines.subList(twoThirds, lines.size()));
      System.err.println(java.time.Instant.now() + " all sent");
    }
    PipelineResult result = job.get(5, TimeUnit.MINUTES);
    PipelineResult.State state = result.waitUntilFinish(Duration.standardMinutes(5));
    if (state != PipelineResult.State.DONE) {
      result.cancel();
    }
    assertEquals(PipelineResult.State.DONE, state);

    // Restored from a checkpoint, not started again from the first record: rows emitted before
    // the last checkpoint were not emitted again.
    Set<String> notAgain = new HashSet<>(BEFORE);
    notAgain.removeAll(AFTER);
    assertFalse("every row emitted before the failure was emitted again", notAgain.isEmpty());
    Path late = streamOut.resolve(StreamingPipeline.LATE);
    assertEquals(
        "late readings", List.of(), Files.isDirectory(late) ? StreamFiles.lines(late) : List.of());
    List<String> differences = StreamFiles.differences(expected, streamOut.resolve("hourly"));
    differences.forEach(System.err::println);
    assertTrue(StreamFiles.describe(differences), differences.isEmpty());
  }

  /** Throws once, at the first row of {@link #FAIL_AT_HOUR}; notes every row's meter-hour. */
  static class FailOnceFn extends DoFn<RevisedRow, Void> {
    @ProcessElement
    public void process(@Element RevisedRow r) {
      String key = StreamVsBatch.key(r.row()) + "#" + r.revision();
      if (r.row().windowStart() >= FAIL_AT_HOUR && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure (StreamRecoveryIT)");
      }
      (FAILED.get() ? AFTER : BEFORE).add(key);
    }
  }

  /**
   * The sample's two files merged in time order up to {@link #END}, as meters would send them (a
   * line without a valid time stays after the line before it): a replay out of time order would
   * make readings late that are not.
   */
  private static List<String> feed() throws IOException {
    List<Map.Entry<LocalDateTime, String>> timed = new ArrayList<>();
    for (String name :
        List.of("readings-00000-of-00002.csv.gz", "readings-00001-of-00002.csv.gz")) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(
                      Files.newInputStream(PROJECT.resolve("data/sample").resolve(name))),
                  StandardCharsets.UTF_8))) {
        LocalDateTime last = LocalDateTime.MIN;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          LocalDateTime t = at(line);
          last = t == null ? last : t;
          timed.add(Map.entry(last, line));
        }
      }
    }
    timed.sort(Map.Entry.comparingByKey()); // stable: a file's lines of one time keep their order
    List<String> feed = new ArrayList<>();
    for (Map.Entry<LocalDateTime, String> e : timed) {
      if (e.getKey().isBefore(END)) {
        feed.add(e.getValue());
      }
    }
    return feed;
  }

  /** The time of a reading's line; null for a line without a valid time. */
  private static LocalDateTime at(String line) {
    String[] f = line.split(",", -1);
    try {
      return LocalDateTime.parse(f.length > 1 ? f[1] : "", TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Acknowledged by the broker, written once: a resent batch after the outage is not doubled. */
  private static Properties producerProperties() {
    Properties props = broker.producerProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return props;
  }

  /** The lines at about 1,500 a second, keyed by meter (a meter stays in one partition). */
  private static void send(KafkaProducer<byte[], byte[]> producer, List<String> lines)
      throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comma = line.indexOf(',');
      String key = comma > 0 ? line.substring(0, comma) : "-";
      producer.send(
          new ProducerRecord<>(
              TOPIC, key.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8)));
      if (i % 150 == 149) {
        long due = start + (i + 1) * 1_000_000_000L / 1_500;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000);
        }
      }
    }
    producer.flush();
  }

  /** Waits for {@code done}, failing on a time-out or when the job has ended before. */
  private static void await(
      String what,
      CompletableFuture<PipelineResult> job,
      java.util.function.BooleanSupplier done,
      int seconds)
      throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (!done.getAsBoolean()) {
      if (job.isDone()) {
        job.get(); // rethrows the job's failure
        throw new AssertionError("the job ended before " + what);
      }
      assertTrue("no " + what + " after " + seconds + " s", System.currentTimeMillis() < deadline);
      Thread.sleep(100);
    }
  }
}
