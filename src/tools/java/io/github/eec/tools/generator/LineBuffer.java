package io.github.eec.tools.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A large byte array that CSV lines are formatted into by hand and drained to a stream in big
 * chunks.
 *
 * <p>This is the generator's hot path: numbers and times are written digit by digit into the array,
 * with no String, formatter or boxing per line, which is what makes 100+ MB/s possible.
 */
final class LineBuffer {
  /** Upper bound of one line's length, reserved before writing it (meter ids are short). */
  static final int MAX_LINE = 256;

  private static final byte[] DIGIT_PAIRS = new byte[200];
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    long p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private byte[] buf;
  private final OutputStream out;
  private int pos;
  private long drained;

  // Lines come in time order, so the date part of the time is formatted once per day and copied.
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] cachedDate = new byte[10];

  /**
   * A buffer of {@code capacity} bytes drained to {@code out}; without a stream (null) it grows
   * instead.
   */
  LineBuffer(int capacity, OutputStream out) {
    this.buf = new byte[capacity];
    this.out = out;
  }

  /** Makes room for {@code n} more bytes, draining to the stream if needed. */
  void reserve(int n) throws IOException {
    if (buf.length - pos < n) {
      if (out == null) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, pos + n));
        return;
      }
      drain();
      if (buf.length < n) {
        throw new IllegalStateException("line longer than the buffer");
      }
    }
  }

  /** Writes everything buffered to the stream. */
  void drain() throws IOException {
    if (pos == 0) {
      return;
    }
    if (out == null) {
      throw new IllegalStateException("an in-memory line buffer has no stream to drain to");
    }
    out.write(buf, 0, pos);
    drained += pos;
    pos = 0;
  }

  /** Bytes written so far, drained or not. */
  long bytesWritten() {
    return drained + pos;
  }

  byte[] array() {
    return buf;
  }

  int position() {
    return pos;
  }

  /** Forgets the buffered bytes (for in-memory use: the caller has consumed them). */
  void clear() {
    drained += pos;
    pos = 0;
  }

  void put(byte b) {
    buf[pos++] = b;
  }

  void put(byte[] bytes) {
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  /** Writes a rarely used string (malformed lines); allocates, so not for the per-reading path. */
  void putAscii(String s) {
    put(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes a non-negative long in decimal. */
  void putLong(long v) {
    int n = 1;
    while (n < 19 && v >= POWERS_OF_TEN[n]) {
      n++;
    }
    int p = pos + n;
    pos = p;
    while (v >= 100) {
      int r = (int) (v % 100);
      v /= 100;
      buf[--p] = DIGIT_PAIRS[2 * r + 1];
      buf[--p] = DIGIT_PAIRS[2 * r];
    }
    if (v >= 10) {
      buf[--p] = DIGIT_PAIRS[2 * (int) v + 1];
      buf[--p] = DIGIT_PAIRS[2 * (int) v];
    } else {
      buf[--p] = (byte) ('0' + v);
    }
  }

  /**
   * Writes a non-negative count of thousandths as a decimal with exactly 3 decimals: 1234567 →
   * 1234.567.
   */
  void putThousandths(long v) {
    putLong(v / 1000);
    int r = (int) (v % 1000);
    buf[pos++] = '.';
    buf[pos++] = (byte) ('0' + r / 100);
    buf[pos++] = DIGIT_PAIRS[2 * (r % 100)];
    buf[pos++] = DIGIT_PAIRS[2 * (r % 100) + 1];
  }

  /** Writes a UTC time in {@code format}; years must have 4 digits (the options ensure it). */
  void putTime(long epochMillis, TimeFormat format) {
    long day = Math.floorDiv(epochMillis, 86_400_000L);
    if (day != cachedDay) {
      cacheDate(day);
    }
    System.arraycopy(cachedDate, 0, buf, pos, 10);
    pos += 10;
    buf[pos++] = format == TimeFormat.ISO ? (byte) 'T' : (byte) ' ';
    int secondOfDay = (int) ((epochMillis - day * 86_400_000L) / 1000);
    put2(secondOfDay / 3600);
    buf[pos++] = ':';
    put2(secondOfDay / 60 % 60);
    if (format != TimeFormat.MINUTE) {
      buf[pos++] = ':';
      put2(secondOfDay % 60);
    }
    if (format == TimeFormat.ISO) {
      buf[pos++] = 'Z';
    }
  }

  private void put2(int v) {
    buf[pos++] = DIGIT_PAIRS[2 * v];
    buf[pos++] = DIGIT_PAIRS[2 * v + 1];
  }

  private void cacheDate(long day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    int y = d.getYear();
    cachedDate[0] = DIGIT_PAIRS[2 * (y / 100)];
    cachedDate[1] = DIGIT_PAIRS[2 * (y / 100) + 1];
    cachedDate[2] = DIGIT_PAIRS[2 * (y % 100)];
    cachedDate[3] = DIGIT_PAIRS[2 * (y % 100) + 1];
    cachedDate[4] = '-';
    cachedDate[5] = DIGIT_PAIRS[2 * d.getMonthValue()];
    cachedDate[6] = DIGIT_PAIRS[2 * d.getMonthValue() + 1];
    cachedDate[7] = '-';
    cachedDate[8] = DIGIT_PAIRS[2 * d.getDayOfMonth()];
    cachedDate[9] = DIGIT_PAIRS[2 * d.getDayOfMonth() + 1];
    cachedDay = day;
  }
}
