package io.github.eec.pipeline.stream;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest reading time of a topic, which a caught-up partition's watermark follows (see {@link
 * ReadingTimePolicy}). Two sources: the readings the partitions read in this JVM have seen (at
 * once), and the tail of every partition on the broker ({@link TopicTail}), for partitions read on
 * other machines: probed in the background, at most once per interval, and only while a caught-up
 * partition has asked in the last {@link #WANTED_FOR}; the tail's consumer is closed when nobody
 * asks.
 */
final class TopicProgress {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProgress.class);

  /** How long a caught-up partition's question keeps the probe going. */
  static final long WANTED_FOR = 10_000;

  /** One per topic and run in a JVM: the partitions of a run read here share it. */
  private static final Map<String, TopicProgress> SHARED = new ConcurrentHashMap<>();

  /** One daemon thread probes for every topic of the JVM. */
  private static final ScheduledExecutorService PROBES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "eec-topic-tail");
            t.setDaemon(true);
            return t;
          });

  private final Supplier<TopicTail> tails;
  private final long intervalMillis;
  private final LongSupplier clock;
  private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);

  /**
   * {@code (time, newest)} samples, at most one per {@link #SAMPLE_MILLIS}, for the last {@link
   * #HISTORY} samples: what the newest reading was as of a given moment ({@link #newestAsOf}).
   */
  private final ArrayDeque<long[]> history = new ArrayDeque<>();

  private volatile long sampledAt = Long.MIN_VALUE;
  private static final long SAMPLE_MILLIS = 100;
  private static final int HISTORY = 200;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long askedAt = Long.MIN_VALUE;
  private TopicTail tail;

  TopicProgress(Supplier<TopicTail> tails, long intervalMillis, LongSupplier clock) {
    this.tails = tails;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
  }

  /** The progress of {@code key} (run and topic) in this JVM, made with {@code tails} if new. */
  static TopicProgress shared(String key, Supplier<TopicTail> tails) {
    return SHARED.computeIfAbsent(
        key, k -> new TopicProgress(tails, 1_000, System::currentTimeMillis));
  }

  /** A reading read in this JVM. */
  void saw(long readingTime) {
    long value = newest.accumulateAndGet(readingTime, Math::max);
    long now = clock.getAsLong();
    long last = sampledAt;
    if (last == Long.MIN_VALUE || now - last >= SAMPLE_MILLIS) {
      synchronized (history) {
        sampledAt = now;
        history.addLast(new long[] {now, value});
        if (history.size() > HISTORY) {
          history.removeFirst();
        }
      }
    }
  }

  /**
   * The newest reading known at {@code timeMillis} (by this progress's clock) or a smaller one,
   * {@code Long.MIN_VALUE} if none is known from that far back; asks for the broker's tails like
   * {@link #newest()}. A partition the broker said was caught up at some moment may follow this,
   * not the newest reading now: records that reached the broker after that moment may be in it,
   * unread.
   */
  long newestAsOf(long timeMillis) {
    askForTails();
    synchronized (history) {
      Iterator<long[]> newestFirst = history.descendingIterator();
      while (newestFirst.hasNext()) {
        long[] sample = newestFirst.next();
        if (sample[0] <= timeMillis) {
          return sample[1];
        }
      }
    }
    return Long.MIN_VALUE;
  }

  /**
   * The newest reading known, {@code Long.MIN_VALUE} before any; asks for the broker's tails too
   * (the answer comes with a later call).
   */
  long newest() {
    askForTails();
    return newest.get();
  }

  /** Keeps the broker's tails probed for the next {@link #WANTED_FOR}; starts the probe if idle. */
  private void askForTails() {
    askedAt = clock.getAsLong();
    if (probing.compareAndSet(false, true)) {
      PROBES.schedule(this::probe, 0, TimeUnit.MILLISECONDS);
    }
  }

  private void probe() {
    try {
      if (clock.getAsLong() - askedAt > WANTED_FOR) {
        closeTail();
        probing.set(false);
        // Asked again between the check and the flag: go on.
        if (clock.getAsLong() - askedAt <= WANTED_FOR && probing.compareAndSet(false, true)) {
          PROBES.schedule(this::probe, intervalMillis, TimeUnit.MILLISECONDS);
        }
        return;
      }
      if (tail == null) {
        tail = tails.get();
      }
      OptionalLong seen = tail.newestReading();
      if (seen.isPresent()) {
        saw(seen.getAsLong());
      }
    } catch (RuntimeException e) {
      // The broker is away or the topic not there yet: the watermark waits, the next probe tries.
      LOG.warn("could not read the topic's tail: {}", e.toString());
      closeTail();
    }
    PROBES.schedule(this::probe, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void closeTail() {
    if (tail != null) {
      try {
        tail.close();
      } catch (RuntimeException e) {
        LOG.debug("closing the topic's tail", e);
      }
      tail = null;
    }
  }

  /** The newest reading in the last records of every partition of a topic. */
  interface TopicTail extends AutoCloseable {
    OptionalLong newestReading();

    @Override
    void close();
  }
}
