package io.github.eec.pipeline.parse;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many lines the read step may have handed on that the parse step has not finished: the bound
 * that keeps the DirectRunner's heap from growing with its input ({@code --readAheadLines}).
 *
 * <p>The DirectRunner keeps every bundle a step outputs in memory until the next step has processed
 * it, and schedules work first in, first out, so without a bound it reads the whole input before
 * the parse step takes the first line. The read step ({@link ReadLinesWithFileName}) counts the
 * lines of each block it emits here and, while the count is at the bound, waits (its splittable
 * DoFn resumes later, freeing its thread); the parse step ({@link ParseReadings#releasing}) counts
 * them off as it parses them, every {@link #COUNT_OFF_EVERY} lines and at a bundle's end. The
 * DirectRunner frees a bundle when the parse step is done with all of it, so the heap may hold a
 * block per parsing thread beyond the bound. Other runners need no bound ({@link #unbounded()}):
 * Flink fuses the two steps and passes each line straight on, and the SparkRunner collects all of a
 * read range's lines before it passes any on, so a bound there would make the read wait for itself
 * (until the stall guard below); the job bounds the DirectRunner only.
 *
 * <p>The count lives in this JVM (a static map keyed by a pipeline's own id): both steps run in the
 * DirectRunner's JVM. Should the lines ever go somewhere that never counts them off, the read waits
 * {@link #STALL_MILLIS} without progress at most, then stops waiting, so a misuse costs memory, not
 * a hang.
 */
public final class ReadAhead implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The parse step counts lines off in batches of this many. */
  static final int COUNT_OFF_EVERY = 4096;

  /** The smallest bound: above a batch of the parse step, so a fused read never waits. */
  public static final long MIN_LINES = 10_000;

  /** After this long at the bound with no line counted off, the bound is given up. */
  static final long STALL_MILLIS = 60_000;

  private static final Map<String, InFlight> IN_FLIGHT = new ConcurrentHashMap<>();

  private final String id;
  private final long maxLines;

  private ReadAhead(String id, long maxLines) {
    this.id = id;
    this.maxLines = maxLines;
  }

  /** No bound: the read step never waits, nothing is counted. */
  public static ReadAhead unbounded() {
    return new ReadAhead(null, 0);
  }

  /** At most {@code maxLines} lines read but not yet parsed; 0 is {@link #unbounded()}. */
  public static ReadAhead ofLines(long maxLines) {
    if (maxLines != 0 && maxLines < MIN_LINES) {
      throw new IllegalArgumentException(
          "the read-ahead bound must be 0 (none) or at least " + MIN_LINES + ", got " + maxLines);
    }
    return maxLines == 0 ? unbounded() : new ReadAhead(UUID.randomUUID().toString(), maxLines);
  }

  public boolean isBounded() {
    return id != null;
  }

  public long maxLines() {
    return maxLines;
  }

  /** Whether the read step should wait before reading more. */
  boolean isFull() {
    if (id == null) {
      return false;
    }
    InFlight f = inFlight();
    return f.lines.get() >= maxLines
        && System.currentTimeMillis() - f.lastCountedOff.get() < STALL_MILLIS;
  }

  /** The read step handed on {@code lines} more lines. */
  void read(long lines) {
    if (id != null && lines > 0) {
      inFlight().lines.addAndGet(lines);
    }
  }

  /** The parse step is done with {@code lines} lines. */
  void parsed(long lines) {
    if (id != null && lines > 0) {
      InFlight f = inFlight();
      f.lines.addAndGet(-lines);
      f.lastCountedOff.set(System.currentTimeMillis());
    }
  }

  /** Lines read but not yet parsed (0 when unbounded). */
  long linesInFlight() {
    return id == null ? 0 : inFlight().lines.get();
  }

  private InFlight inFlight() {
    return IN_FLIGHT.computeIfAbsent(id, k -> new InFlight());
  }

  private static final class InFlight {
    final AtomicLong lines = new AtomicLong();
    final AtomicLong lastCountedOff = new AtomicLong(System.currentTimeMillis());
  }

  @Override
  public String toString() {
    return id == null ? "ReadAhead(unbounded)" : "ReadAhead(" + maxLines + " lines)";
  }
}
