package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.model.ReadingRules;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.io.kafka.TimestampPolicy.PartitionContext;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Test;

/** Event time and watermark of one partition, on hand-made records and a hand-driven clock. */
public class ReadingTimePolicyTest {
  private final AtomicLong clock = new AtomicLong(1_000_000L);

  /** The topic's progress the policies share, without a broker's tail. */
  private final TopicProgress topic =
      new TopicProgress(
          () -> {
            throw new IllegalStateException("no broker here");
          },
          60_000,
          clock::get);

  private ReadingTimePolicy policy(Duration stopAfterIdle) {
    return new ReadingTimePolicy(
        ReadingRules.defaults(),
        Duration.standardMinutes(1),
        Duration.standardMinutes(10),
        stopAfterIdle,
        topic,
        Optional.empty(),
        clock::get);
  }

  /** A backlog the broker confirmed just now (by the test's clock). */
  private PartitionContext backlog(long records) {
    return backlogCheckedAt(records, clock.get());
  }

  private static PartitionContext backlogCheckedAt(long records, long checkTime) {
    return new PartitionContext() {
      @Override
      public long getMessageBacklog() {
        return records;
      }

      @Override
      public Instant getBacklogCheckTime() {
        return new Instant(checkTime);
      }
    };
  }

  private static KafkaRecord<byte[], byte[]> record(String line) {
    return new KafkaRecord<>(
        "t",
        0,
        0,
        0,
        KafkaTimestampType.CREATE_TIME,
        null,
        null,
        line.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  public void readingsCarryTheirTimeAndTheWatermarkTrailsTheNewestByTheBound() {
    ReadingTimePolicy p = policy(null);
    PartitionContext busy = backlog(100);
    assertEquals(
        at("2024-03-01T10:05:00Z"),
        p.getTimestampForRecord(busy, record("A,2024-03-01 10:05:00,1,1")));
    p.getTimestampForRecord(busy, record("A,2024-03-01 10:03:00,1,1")); // out of order: fine
    assertEquals(at("2024-03-01T10:04:00Z"), p.getWatermark(busy));
  }

  @Test
  public void aReadingFurtherBehindThanTheLatenessIsStampedTooLate() {
    ReadingTimePolicy p = policy(null);
    PartitionContext busy = backlog(100);
    p.getTimestampForRecord(busy, record("A,2024-03-01 10:30:00,1,1"));
    // Not asked for the watermark since (10:29 by now): the verdict does not wait for the runner.
    assertEquals(
        at("2024-03-01T10:20:00Z"),
        p.getTimestampForRecord(busy, record("A,2024-03-01 10:20:00,1,1"))); // 9 min: late, kept
    assertEquals(
        ReadingTimePolicy.TOO_LATE,
        p.getTimestampForRecord(busy, record("A,2024-03-01 10:18:59,1,1")));
  }

  @Test
  public void rejectsAndHeadersRideAtTheWatermarkWithoutMovingIt() {
    ReadingTimePolicy p = policy(null);
    PartitionContext busy = backlog(100);
    // Before any reading the watermark is the minimum timestamp, which marks late readings.
    Instant first = p.getTimestampForRecord(busy, record("meter,time,energy,power"));
    assertTrue(first.isAfter(ReadingTimePolicy.TOO_LATE));
    p.getTimestampForRecord(busy, record("A,2024-03-01 10:30:00,1,1"));
    Instant wm = p.getWatermark(busy);
    assertEquals(wm, p.getTimestampForRecord(busy, record("meter,time,energy,power")));
    assertEquals(wm, p.getTimestampForRecord(busy, record("A,2099-13-01 10:30:00,1,1")));
    byte[] notUtf8 = {'A', ',', (byte) 0xC3, (byte) 0x28};
    assertEquals(
        wm,
        p.getTimestampForRecord(
            busy,
            new KafkaRecord<>("t", 0, 1, 0, KafkaTimestampType.CREATE_TIME, null, null, notUtf8)));
    assertEquals(wm, p.getWatermark(busy));
  }

  @Test
  public void anEmptyPartitionFollowsTheTopicInsteadOfHoldingItBack() {
    ReadingTimePolicy busy = policy(null);
    ReadingTimePolicy empty = policy(null);
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, empty.getWatermark(backlog(0)));
    busy.getTimestampForRecord(backlog(5), record("A,2024-03-01 10:30:00,1,1"));
    clock.addAndGet(ReadingTimePolicy.QUIET_MILLIS);
    assertEquals(at("2024-03-01T10:29:00Z"), empty.getWatermark(backlog(0)));
    // A partition with a backlog keeps its own watermark: it is behind, not idle.
    ReadingTimePolicy lagging = policy(null);
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, lagging.getWatermark(backlog(7)));
  }

  @Test
  public void aCaughtUpPartitionFollowsTheTopicAsItWasAWhileBeforeTheBrokersAnswer() {
    ReadingTimePolicy producing = policy(null);
    ReadingTimePolicy quiet = policy(null);
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, quiet.getWatermark(backlog(0)));
    producing.getTimestampForRecord(backlog(0), record("A,2024-03-01 10:30:00,1,1"));
    clock.addAndGet(1_000);
    // A second later the topic is at 10:40: this partition may hold records from before 10:40
    // that reached the broker after its answer, unread.
    producing.getTimestampForRecord(backlog(0), record("A,2024-03-01 10:40:00,1,1"));
    clock.addAndGet(1_000);
    assertEquals(at("2024-03-01T10:29:00Z"), quiet.getWatermark(backlog(0)));
    // An answer QUIET_MILLIS after the move lets it follow the move.
    clock.addAndGet(1_000);
    assertEquals(at("2024-03-01T10:39:00Z"), quiet.getWatermark(backlog(0)));
  }

  @Test
  public void aPartitionBackFromABrokerOutageDoesNotFollowAnotherPartitionsFlush() {
    ReadingTimePolicy flushedFirst = policy(null);
    ReadingTimePolicy flushedLater = policy(null);
    flushedFirst.getTimestampForRecord(backlog(0), record("A,2024-03-01 10:00:00,1,1"));
    flushedLater.getTimestampForRecord(backlog(0), record("B,2024-03-01 10:00:00,1,1"));
    long lastAnswer = clock.get();
    // The broker is down for 30 s; the producer holds the hour after 10:00 for both partitions.
    for (int i = 0; i < 30; i++) {
      clock.addAndGet(1_000);
      assertEquals(
          at("2024-03-01T09:59:00Z"), flushedLater.getWatermark(backlogCheckedAt(0, lastAnswer)));
    }
    // Back: the producer's flush reaches one partition a moment before the other. The other's
    // first answer says caught up (its flush is not on the broker yet), and its last record was
    // 30 s ago: it must not follow the first partition's flush.
    flushedFirst.getTimestampForRecord(backlog(0), record("A,2024-03-01 11:00:00,1,1"));
    clock.addAndGet(100);
    assertEquals(at("2024-03-01T09:59:00Z"), flushedLater.getWatermark(backlog(0)));
    clock.addAndGet(400);
    assertEquals(
        at("2024-03-01T10:00:15Z"),
        flushedLater.getTimestampForRecord(backlog(0), record("B,2024-03-01 10:00:15,1,1")));
  }

  @Test
  public void aCaughtUpPartitionStillReadingKeepsItsOwnWatermark() {
    ReadingTimePolicy ahead = policy(null);
    ReadingTimePolicy reading = policy(null);
    ahead.getTimestampForRecord(backlog(0), record("A,2024-03-01 11:00:00,1,1"));
    reading.getTimestampForRecord(backlog(0), record("B,2024-03-01 10:30:00,1,1"));
    clock.addAndGet(ReadingTimePolicy.QUIET_MILLIS - 1);
    // Its backlog says 0, but it read a record a moment ago: more may be on the way.
    assertEquals(at("2024-03-01T10:29:00Z"), reading.getWatermark(backlog(0)));
    assertEquals(
        at("2024-03-01T10:31:00Z"),
        reading.getTimestampForRecord(backlog(0), record("B,2024-03-01 10:31:00,1,1")));
  }

  @Test
  public void aPartitionIdleForTheStopTimeIsFinished() {
    ReadingTimePolicy p = policy(Duration.standardSeconds(5));
    p.getTimestampForRecord(backlog(1), record("A,2024-03-01 10:30:00,1,1"));
    for (int i = 0; i < 4; i++) {
      clock.addAndGet(1_000);
      assertTrue(p.getWatermark(backlog(0)).isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    // Not caught up (records waiting): not finished, however long since the last one.
    clock.addAndGet(10_000);
    assertTrue(p.getWatermark(backlog(3)).isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    for (int i = 0; i < 5; i++) {
      assertTrue(p.getWatermark(backlog(0)).isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
      clock.addAndGet(1_000);
    }
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, p.getWatermark(backlog(0)));
  }

  @Test
  public void aBrokerOutageIsNotIdleness() {
    ReadingTimePolicy p = policy(Duration.standardSeconds(5));
    p.getTimestampForRecord(backlog(1), record("A,2024-03-01 10:30:00,1,1"));
    for (int i = 0; i < 3; i++) { // answers, a second apart: 3 s idle
      clock.addAndGet(1_000);
      assertTrue(p.getWatermark(backlog(0)).isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    long lastAnswer = clock.get();
    // The broker is down for 30 s: KafkaIO keeps its last backlog (0) and its last answer's time.
    for (int i = 0; i < 30; i++) {
      clock.addAndGet(1_000);
      assertTrue(
          p.getWatermark(backlogCheckedAt(0, lastAnswer))
              .isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    // Back: its first answer starts the count again (idle 0), so the feed has time to resume.
    for (int i = 0; i < 5; i++) {
      clock.addAndGet(1_000);
      assertTrue(p.getWatermark(backlog(0)).isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    clock.addAndGet(1_000);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, p.getWatermark(backlog(0)));
  }

  @Test
  public void aPartitionTheBrokerHasNotAnsweredForLatelyDoesNotFollowTheTopic() {
    ReadingTimePolicy busy = policy(null);
    ReadingTimePolicy quiet = policy(null);
    busy.getTimestampForRecord(backlog(5), record("A,2024-03-01 10:30:00,1,1"));
    clock.addAndGet(ReadingTimePolicy.QUIET_MILLIS);
    // Its backlog looked like 0 six seconds ago: maybe records came since that it has not read.
    assertEquals(
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        quiet.getWatermark(backlogCheckedAt(0, clock.get() - 6_000)));
    // Fresh answers again: it follows once they have said caught up for QUIET_MILLIS.
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, quiet.getWatermark(backlog(0)));
    clock.addAndGet(ReadingTimePolicy.QUIET_MILLIS);
    assertEquals(at("2024-03-01T10:29:00Z"), quiet.getWatermark(backlog(0)));
  }
}
