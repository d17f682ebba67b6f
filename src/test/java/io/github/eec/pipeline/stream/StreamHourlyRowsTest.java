package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import io.github.eec.pipeline.model.HourlyMeterStats;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/**
 * The stream's hourly rows on the DirectRunner with {@link TestStream}: readings in event time with
 * a watermark, as the Kafka source stamps them. Every test checks that the latest revision of every
 * meter-hour equals the batch job's row for the same lines, and that no revision stands for two
 * rows ({@link StreamVsBatch}).
 */
public class StreamHourlyRowsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** A TestStream being built, with the lines it holds (what batch gets). */
  private static final class Feed {
    TestStream.Builder<KV<String, String>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    final List<String> lines = new ArrayList<>();
    private long offset;

    /** Lines stamped with their reading's time, as the source does (a header at the watermark). */
    Feed add(String... add) {
      List<TimestampedValue<KV<String, String>>> values = new ArrayList<>();
      for (String line : add) {
        lines.add(line);
        values.add(TimestampedValue.of(KV.of("test-0@" + offset++, line), timeOf(line)));
      }
      stream =
          stream.addElements(
              values.get(0), values.subList(1, values.size()).toArray(new TimestampedValue[0]));
      return this;
    }

    Feed watermark(String time) {
      stream = stream.advanceWatermarkTo(at(time));
      return this;
    }

    TestStream<KV<String, String>> end() {
      return stream.advanceWatermarkToInfinity();
    }
  }

  private static Instant at(String time) {
    return new Instant(LocalDateTime.parse(time, TIME).toInstant(ZoneOffset.UTC).toEpochMilli());
  }

  private static Instant timeOf(String line) {
    String[] f = line.split(",");
    try {
      return at(f[1]);
    } catch (RuntimeException e) {
      return new Instant(0);
    }
  }

  /** A meter's readings every {@code minutes} from {@code from} (inclusive) to {@code to}. */
  private static List<String> readings(
      String meter, String from, String to, int minutes, double energyStart, double perMinute) {
    List<String> out = new ArrayList<>();
    LocalDateTime t = LocalDateTime.parse(from, TIME);
    LocalDateTime end = LocalDateTime.parse(to, TIME);
    double e = energyStart;
    int i = 0;
    while (!t.isAfter(end)) {
      out.add(meter + "," + TIME.format(t) + "," + e + "," + (100 + (i++ % 7) * 10));
      t = t.plusMinutes(minutes);
      e += perMinute * minutes;
    }
    return out;
  }

  private PCollectionTuple rows(TestStream<KV<String, String>> stream, Duration lateness) {
    return pipeline
        .apply(stream)
        .apply(
            StreamHourlyRows.create()
                .withAllowedLateness(lateness)
                .withGapTimeout(Duration.standardMinutes(30)));
  }

  /** Revisions of one meter-hour, by revision. */
  private static Map<Integer, HourlyMeterStats> revisions(
      Iterable<RevisedRow> rows, String meter, String hour) {
    Map<Integer, HourlyMeterStats> out = new TreeMap<>();
    for (RevisedRow r : rows) {
      if (r.row().meter().equals(meter) && r.row().windowStart() == at(hour).getMillis()) {
        out.put(r.revision(), r.row());
      }
    }
    return out;
  }

  @Test
  public void outOfOrderReadingsWithinTheBoundGiveTheBatchRowsAtRevisionZero() {
    List<String> a = readings("A", "2024-03-01 10:00:00", "2024-03-01 12:50:00", 10, 1000, 5);
    List<String> b = readings("B", "2024-03-01 10:05:00", "2024-03-01 12:55:00", 10, 50, 2);
    Feed feed = new Feed().add("meter,time,energy,power");
    // Each 20-minute slice arrives reversed and interleaved; the watermark trails by 20 minutes.
    for (int i = 0; i < a.size(); i += 2) {
      List<String> slice = new ArrayList<>();
      for (int j = Math.min(i + 1, a.size() - 1); j >= i; j--) {
        slice.add(b.get(j));
        slice.add(a.get(j));
      }
      feed.add(slice.toArray(new String[0]));
      String newest = a.get(Math.min(i + 1, a.size() - 1)).split(",")[1];
      feed.watermark(TIME.format(LocalDateTime.parse(newest, TIME).minusMinutes(20)));
    }
    PCollection<RevisedRow> rows = rows(feed.end(), Duration.ZERO).get(StreamHourlyRows.ROWS);
    PAssert.that(StreamVsBatch.differences(rows, feed.lines)).empty();
    PAssert.that(rows)
        .satisfies(
            all -> {
              for (RevisedRow r : all) {
                assertEquals("no restatement needed: " + r, 0, r.revision());
              }
              return null;
            });
    pipeline.run();
  }

  @Test
  public void anHourIsEmittedWhenItsNextAnchorArrivesAndRestatedWhenAnEarlierOneShowsUp() {
    Feed feed = new Feed();
    feed.add(
        readings("A", "2024-03-01 10:00:00", "2024-03-01 10:50:00", 10, 1000, 5)
            .toArray(new String[0]));
    feed.watermark("2024-03-01 10:55:00");
    // The watermark stays before both: hour 10 goes out on the first anchor, not after a delay,
    // and again when an earlier reading of hour 11 arrives out of order.
    feed.add("A,2024-03-01 11:10:00,1350,100");
    feed.add("A,2024-03-01 11:05:00,1300,100");
    feed.watermark("2024-03-01 11:04:00");
    PCollection<RevisedRow> rows = rows(feed.end(), Duration.ZERO).get(StreamHourlyRows.ROWS);
    PAssert.that(StreamVsBatch.differences(rows, feed.lines)).empty();
    PAssert.that(rows)
        .satisfies(
            all -> {
              Map<Integer, HourlyMeterStats> h10 = revisions(all, "A", "2024-03-01 10:00:00");
              assertEquals("emitted on 11:10, restated on 11:05: " + h10, 2, h10.size());
              // 11:00 interpolated between 10:50 (1250) and the anchor: 11:10 (1350), then 11:05.
              assertEquals(300.0, h10.get(0).energyMwh(), 1e-9);
              assertEquals(250.0 + 50.0 * 10 / 15, h10.get(1).energyMwh(), 1e-9);
              return null;
            });
    pipeline.run();
  }

  @Test
  public void lateReadingWithinTheLatenessRestatesItsHourAndItsNeighbour() {
    Feed feed = new Feed();
    feed.add(
        readings("A", "2024-03-01 10:10:00", "2024-03-01 10:40:00", 10, 1000, 5)
            .toArray(new String[0]));
    feed.add(
        readings("A", "2024-03-01 11:10:00", "2024-03-01 11:50:00", 10, 1400, 5)
            .toArray(new String[0]));
    feed.add(
        readings("A", "2024-03-01 12:00:00", "2024-03-01 12:30:00", 10, 1700, 5)
            .toArray(new String[0]));
    feed.watermark("2024-03-01 12:35:00");
    // Behind the watermark by 100 minutes, within 2 hours of lateness: hour 10 gets a new last
    // reading, which is also hour 11's previous anchor; both were emitted already.
    feed.add("A,2024-03-01 10:55:00,1300,400");
    PCollection<RevisedRow> rows =
        rows(feed.end(), Duration.standardHours(2)).get(StreamHourlyRows.ROWS);
    PAssert.that(StreamVsBatch.differences(rows, feed.lines)).empty();
    PAssert.that(rows)
        .satisfies(
            all -> {
              Map<Integer, HourlyMeterStats> h10 = revisions(all, "A", "2024-03-01 10:00:00");
              Map<Integer, HourlyMeterStats> h11 = revisions(all, "A", "2024-03-01 11:00:00");
              assertEquals("hour 10 emitted, then restated: " + h10, 2, h10.size());
              assertEquals(4, h10.get(0).readings());
              assertEquals(5, h10.get(1).readings());
              assertEquals("hour 11 restated for its new previous anchor: " + h11, 2, h11.size());
              assertNotEquals(h11.get(0).energyMwh(), h11.get(1).energyMwh());
              return null;
            });
    pipeline.run();
  }

  @Test
  public void lateReadingBeyondTheLatenessDoesNotChangeTheRows() {
    Feed feed = new Feed();
    feed.add(
        readings("A", "2024-03-01 10:10:00", "2024-03-01 11:50:00", 10, 1000, 5)
            .toArray(new String[0]));
    feed.watermark("2024-03-01 11:55:00");
    List<String> counted = new ArrayList<>(feed.lines);
    // Hour 10's window closed at 11:00 (no lateness): the combine drops it, as the source would
    // have sent it to the late output (ReadingTimePolicyTest).
    feed.add("A,2024-03-01 10:55:00,1300,400");
    PCollection<RevisedRow> rows = rows(feed.end(), Duration.ZERO).get(StreamHourlyRows.ROWS);
    PAssert.that(StreamVsBatch.differences(rows, counted)).empty();
    pipeline.run();
  }

  @Test
  public void meterSilentPastTheGapTimeoutIsProvisionalThenRestatedWhenItComesBack() {
    Feed feed = new Feed();
    feed.add(
        readings("A", "2024-03-01 10:00:00", "2024-03-01 10:50:00", 10, 1000, 5)
            .toArray(new String[0]));
    feed.add(
        readings("B", "2024-03-01 10:00:00", "2024-03-01 12:50:00", 10, 20, 1)
            .toArray(new String[0]));
    feed.watermark("2024-03-01 12:50:00"); // A silent for 2 hours: past its 30-minute gap timeout
    feed.add(
        readings("A", "2024-03-01 13:20:00", "2024-03-01 13:50:00", 10, 1900, 5)
            .toArray(new String[0]));
    PCollection<RevisedRow> rows = rows(feed.end(), Duration.ZERO).get(StreamHourlyRows.ROWS);
    PAssert.that(StreamVsBatch.differences(rows, feed.lines)).empty();
    PAssert.that(rows)
        .satisfies(
            all -> {
              Map<Integer, HourlyMeterStats> h10 = revisions(all, "A", "2024-03-01 10:00:00");
              assertEquals("provisional, then restated: " + h10, 2, h10.size());
              // Provisional: ends at the meter's last reading (1250 - 1000); restated with the
              // share of 10:50 -> 13:20 up to 11:00 (650 * 10/150).
              assertEquals(250.0, h10.get(0).energyMwh(), 0.0);
              assertEquals(250.0 + 650.0 * 10 / 150, h10.get(1).energyMwh(), 1e-9);
              return null;
            });
    pipeline.run();
  }

  @Test
  public void registerResetAcrossTheHourBoundary() {
    Feed feed = new Feed();
    feed.add("A,2024-03-01 10:30:00,5000,100", "A,2024-03-01 10:45:00,5200,100");
    feed.watermark("2024-03-01 10:50:00");
    feed.add("A,2024-03-01 11:10:00,40,100", "A,2024-03-01 11:40:00,100,100");
    feed.watermark("2024-03-01 11:45:00");
    feed.add("A,2024-03-01 12:05:00,160,100", "bad line", "A,2024-03-01 12:20:00,190,100");
    PCollectionTuple out = rows(feed.end(), Duration.ZERO);
    PAssert.that(StreamVsBatch.differences(out.get(StreamHourlyRows.ROWS), feed.lines)).empty();
    PAssert.that(out.get(StreamHourlyRows.ROWS))
        .satisfies(
            all -> {
              HourlyMeterStats h11 = revisions(all, "A", "2024-03-01 11:00:00").get(0);
              assertEquals(1, h11.registerResets());
              return null;
            });
    PAssert.that(out.get(StreamHourlyRows.REJECTS))
        .satisfies(
            rejects -> {
              int n = 0;
              for (io.github.eec.pipeline.model.Reject r : rejects) {
                assertEquals("bad line", r.line());
                n++;
              }
              assertEquals(1, n);
              return null;
            });
    pipeline.run();
  }
}
