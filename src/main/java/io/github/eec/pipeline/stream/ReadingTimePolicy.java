package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.parse.ReadingLineParser;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event time of one Kafka partition's readings: a record's timestamp is its reading's time, and the
 * partition's watermark trails the newest reading by {@code maxOutOfOrderness}.
 *
 * <p>Unlike Beam's {@code CustomTimestampPolicyWithLimitedDelay}, an empty or caught-up partition
 * does not hold every window back: once the broker has said for {@link #QUIET_MILLIS} that its
 * backlog is zero, its watermark follows the newest reading of the whole topic as of that while
 * before ({@link TopicProgress}: read in this JVM, or on the broker for the partitions read
 * elsewhere) less the same bound, so a reading that arrives there later is on time unless it
 * reached the broker that much later than a newer reading elsewhere. Not wall-clock time: a replay
 * of old data must not be late.
 *
 * <p>A reading more than {@code allowedLateness} behind the partition's watermark (as of its
 * arrival: the newest earlier reading less {@code maxOutOfOrderness}, or more while caught up) is
 * stamped {@link #TOO_LATE} (no real reading has that time, see the reading rules), so the next
 * step sends its line to the late output instead of letting the window drop it silently. Other
 * lines (headers, rejects) ride at the watermark: never late, and they do not move it.
 *
 * <p>With {@code stopAfterIdle}, a caught-up partition without new records for that long, as the
 * broker's answers to the backlog checks confirm, is finished: its watermark jumps to the end of
 * time, and once all are, the runner ends the job.
 */
final class ReadingTimePolicy extends TimestampPolicy<byte[], byte[]> {
  /** The timestamp of a reading too late to count: the late-readings output gets its line. */
  static final Instant TOO_LATE = BoundedWindow.TIMESTAMP_MIN_VALUE;

  private final ReadingLineParser parser;
  private final long maxOutOfOrderness;
  private final long allowedLateness;
  private final long stopAfterIdle;
  private final TopicProgress topic;
  private final LongSupplier clock;

  /** KafkaIO checks the backlog every second; an older answer means the broker is away. */
  private static final long MAX_CHECK_AGE_MILLIS = 5_000;

  /**
   * How long the broker's answers must say a partition is caught up, without a record, before it
   * follows the topic; also how far back the topic's progress it then follows is taken.
   */
  static final long QUIET_MILLIS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(ReadingTimePolicy.class);

  private long newest = Long.MIN_VALUE;
  private Instant watermark;
  private long lastActivity;
  private long idleSince = Long.MIN_VALUE;

  ReadingTimePolicy(
      ReadingRules rules,
      Duration maxOutOfOrderness,
      Duration allowedLateness,
      Duration stopAfterIdle,
      TopicProgress topic,
      Optional<Instant> previousWatermark,
      LongSupplier clock) {
    this.parser = new ReadingLineParser(rules);
    this.maxOutOfOrderness = maxOutOfOrderness.getMillis();
    this.allowedLateness = allowedLateness.getMillis();
    this.stopAfterIdle = stopAfterIdle == null ? 0 : stopAfterIdle.getMillis();
    this.topic = topic;
    this.clock = clock;
    this.watermark = previousWatermark.orElse(BoundedWindow.TIMESTAMP_MIN_VALUE);
    this.lastActivity = clock.getAsLong();
  }

  /**
   * The factory KafkaIO asks for each partition's policy; {@code runKey} is unique per job, {@code
   * consumerConfig} (strings only, to be serializable) reaches the broker to read the topic's tail.
   */
  static TimestampPolicyFactory<byte[], byte[]> factory(
      ReadingRules rules,
      Duration maxOutOfOrderness,
      Duration allowedLateness,
      Duration stopAfterIdle,
      String runKey,
      HashMap<String, String> consumerConfig) {
    return (TopicPartition tp, Optional<Instant> previous) ->
        new ReadingTimePolicy(
            rules,
            maxOutOfOrderness,
            allowedLateness,
            stopAfterIdle,
            TopicProgress.shared(
                runKey + "/" + tp.topic(),
                () -> new BrokerTopicTail(tp.topic(), new HashMap<>(consumerConfig), rules)),
            previous,
            System::currentTimeMillis);
  }

  @Override
  public Instant getTimestampForRecord(PartitionContext ctx, KafkaRecord<byte[], byte[]> record) {
    lastActivity = clock.getAsLong();
    // The line is parsed again by ParseReadings; parsing here too is the price of event time at
    // the source, where the watermark is made.
    String line = KafkaLines.line(record.getKV().getValue());
    if (line == null || parser.parse(line) != ReadingLineParser.Outcome.READING) {
      return atWatermark();
    }
    long time = parser.timeMillis();
    // The watermark as of now, not as the runner last asked for it (Flink asks every 200 ms, so a
    // fast reader would let through what it should not): the late verdict depends on the
    // partition's own order of records only, and on the topic's progress while it was caught up.
    long now = watermark.getMillis();
    if (newest != Long.MIN_VALUE) {
      now = Math.max(now, newest - maxOutOfOrderness);
    }
    if (time < now - allowedLateness) {
      return TOO_LATE;
    }
    if (time > newest) {
      newest = time;
      topic.saw(time);
    }
    return new Instant(time);
  }

  /**
   * How long the broker has been saying, without interruption, that this partition has nothing new:
   * counted in the times of KafkaIO's backlog checks (one a second while the broker answers), not
   * by the clock, so neither an outage nor the first answers after it are idleness.
   */
  private long idleFor(Instant checked, boolean caughtUp) {
    if (!caughtUp) {
      idleSince = Long.MIN_VALUE;
      return 0;
    }
    long t = checked.getMillis();
    idleSince = Math.max(idleSince == Long.MIN_VALUE ? t : idleSince, lastActivity);
    return Math.max(0, t - idleSince);
  }

  /** The timestamp of a line that is no reading: the watermark, never {@link #TOO_LATE}. */
  private Instant atWatermark() {
    if (!watermark.isAfter(TOO_LATE)) {
      return TOO_LATE.plus(Duration.millis(1));
    }
    Instant last = GlobalWindow.INSTANCE.maxTimestamp();
    return watermark.isAfter(last) ? last : watermark;
  }

  @Override
  public Instant getWatermark(PartitionContext ctx) {
    // Caught up as the broker said within the last seconds: during an outage KafkaIO keeps the
    // last backlog it heard (often 0), and a partition that only seems caught up must not follow
    // the topic's newest reading past the records it has yet to read once the broker is back.
    Instant checked = ctx.getBacklogCheckTime();
    boolean caughtUp =
        ctx.getMessageBacklog() == 0
            && checked != null
            && clock.getAsLong() - checked.getMillis() <= MAX_CHECK_AGE_MILLIS;
    long idle = idleFor(checked, caughtUp);
    if (stopAfterIdle > 0 && idle >= stopAfterIdle) {
      if (!watermark.equals(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        LOG.info(
            "a partition has had nothing new for {} s by the broker's answers (newest reading {}):"
                + " finished",
            stopAfterIdle / 1000,
            newest == Long.MIN_VALUE ? "none" : new Instant(newest));
      }
      watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
      return watermark;
    }
    long candidate = newest;
    // Only a partition the broker has said is caught up for a while follows the topic: an active
    // one moves by its own readings, and the broker's backlog is up to a second old, so "caught
    // up" alone would let a reader that is a few records behind (in a fast replay, minutes of
    // readings) jump past them and make them late. The while is counted in the broker's answers,
    // not by the clock, so a broker outage does not count: after one, a producer flushes what it
    // held partition by partition, and the first partition back must not follow another's flush.
    // And only as far as the topic had got that while before the answer: records that reached
    // the broker after it (a producer's flush, a slower partition's batch) may be in this
    // partition, unread, older than the topic's newest reading now. So a record is late here only
    // if it reached the broker more than QUIET_MILLIS after a newer one in another partition.
    if (idle >= QUIET_MILLIS) {
      candidate = Math.max(candidate, topic.newestAsOf(checked.getMillis() - QUIET_MILLIS));
    }
    if (candidate != Long.MIN_VALUE) {
      Instant trailing = new Instant(candidate - maxOutOfOrderness);
      if (trailing.isAfter(watermark)) {
        watermark = trailing;
      }
    }
    return watermark;
  }
}
