package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * The topic's newest reading: from this JVM's readers at once, from the broker's tail in the
 * background while caught-up partitions ask, and the tail closed when they stop asking.
 */
public class TopicProgressTest {
  private final AtomicLong tailNewest = new AtomicLong(Long.MIN_VALUE);
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  private TopicProgress.TopicTail tail() {
    opened.incrementAndGet();
    return new TopicProgress.TopicTail() {
      @Override
      public OptionalLong newestReading() {
        probes.incrementAndGet();
        long n = tailNewest.get();
        return n == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(n);
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    };
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!done.getAsBoolean()) {
      assertTrue("timed out waiting for " + what, System.currentTimeMillis() < deadline);
      Thread.sleep(5);
    }
  }

  @Test
  public void readingsSeenHereCountAtOnce() {
    TopicProgress p = new TopicProgress(this::tail, 10, System::currentTimeMillis);
    p.saw(1_000);
    p.saw(500);
    assertEquals(1_000, p.newest());
  }

  @Test
  public void theBrokersTailCountsOnceProbed() throws InterruptedException {
    TopicProgress p = new TopicProgress(this::tail, 10, System::currentTimeMillis);
    tailNewest.set(7_000);
    assertEquals(Long.MIN_VALUE, p.newest()); // asked: the probe answers later
    waitFor("the tail's reading", () -> p.newest() == 7_000);
    p.saw(9_000);
    assertEquals(9_000, p.newest()); // the newer of the two
  }

  @Test
  public void theTailIsOnlyReadWhileSomebodyAsksAndIsClosedAfter() throws InterruptedException {
    AtomicLong clock = new AtomicLong(0);
    TopicProgress p = new TopicProgress(this::tail, 5, clock::get);
    assertEquals(0, opened.get()); // nobody asked: no consumer
    p.newest();
    waitFor("a few probes", () -> probes.get() >= 3);
    clock.addAndGet(TopicProgress.WANTED_FOR + 1);
    waitFor("the tail closed", () -> closed.get() == 1);
    int after = probes.get();
    Thread.sleep(50);
    assertEquals("no probe once nobody asks", after, probes.get());
    p.newest(); // asked again: a new consumer
    waitFor("the tail reopened", () -> opened.get() == 2 && probes.get() > after);
  }

  @Test
  public void aFailingTailIsRetriedWithANewConsumer() throws InterruptedException {
    AtomicInteger made = new AtomicInteger();
    TopicProgress p =
        new TopicProgress(
            () -> {
              if (made.incrementAndGet() == 1) {
                return new TopicProgress.TopicTail() {
                  @Override
                  public OptionalLong newestReading() {
                    throw new org.apache.kafka.common.errors.TimeoutException("broker away");
                  }

                  @Override
                  public void close() {}
                };
              }
              return tail();
            },
            5,
            System::currentTimeMillis);
    tailNewest.set(3_000);
    p.newest();
    waitFor("the second consumer's reading", () -> p.newest() == 3_000);
    assertEquals(2, made.get());
  }
}
