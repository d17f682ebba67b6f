package io.github.eec.tools.jmh;

import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.HourlyAccumulatorCoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The accumulator: adding a reading (exact sum) against a plain double sum, merging two, and the
 * compact coder against Java serialization of the same fields, all in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccumulatorBenchmark {
  private static final long H = 1_709_301_600_000L;

  /** The same fields with a naive double sum, serialized the Java way: the baseline. */
  public static final class NaiveAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long firstTime = Long.MAX_VALUE;
    double firstEnergy;
    long lastTime = Long.MIN_VALUE;
    double lastEnergy;

    void add(long t, double e, double p) {
      count++;
      sum += p;
      min = Math.min(min, p);
      max = Math.max(max, p);
      if (t < firstTime) {
        firstTime = t;
        firstEnergy = e;
      }
      if (t > lastTime) {
        lastTime = t;
        lastEnergy = e;
      }
    }
  }

  private double[] powers;
  private HourlyAccumulator full;
  private HourlyAccumulator other;
  private NaiveAccumulator naiveFull;
  private byte[] encoded;
  private byte[] serialized;

  @Setup
  public void setUp() throws IOException {
    Random random = new Random(3);
    powers = new double[3600];
    full = new HourlyAccumulator();
    other = new HourlyAccumulator();
    naiveFull = new NaiveAccumulator();
    for (int k = 0; k < powers.length; k++) {
      powers[k] = random.nextInt(5_000_000) / 1000.0 + 0.001 * random.nextInt(1000);
      full.add(H + k * 1000L, 1e8 + k, powers[k]);
      naiveFull.add(H + k * 1000L, 1e8 + k, powers[k]);
      other.add(H + k * 1000L + 500, 1e8 + k, powers[k] / 3);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HourlyAccumulatorCoder.of().encode(full, out);
    encoded = out.toByteArray();
    out.reset();
    SerializableCoder.of(NaiveAccumulator.class).encode(naiveFull, out);
    serialized = out.toByteArray();
  }

  /** One hour of per-second readings added to a fresh accumulator; divide by 3600 per reading. */
  @Benchmark
  public HourlyAccumulator addHourOfReadings() {
    HourlyAccumulator a = new HourlyAccumulator();
    for (int k = 0; k < powers.length; k++) {
      a.add(H + k * 1000L, 1e8 + k, powers[k]);
    }
    return a;
  }

  @Benchmark
  public NaiveAccumulator addHourOfReadingsNaiveSum() {
    NaiveAccumulator a = new NaiveAccumulator();
    for (int k = 0; k < powers.length; k++) {
      a.add(H + k * 1000L, 1e8 + k, powers[k]);
    }
    return a;
  }

  @Benchmark
  public HourlyAccumulator merge() {
    HourlyAccumulator a = new HourlyAccumulator();
    a.merge(full);
    a.merge(other);
    return a;
  }

  @Benchmark
  public byte[] encodeCompact() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    HourlyAccumulatorCoder.of().encode(full, out);
    return out.toByteArray();
  }

  @Benchmark
  public HourlyAccumulator decodeCompact() throws IOException {
    return HourlyAccumulatorCoder.of().decode(new ByteArrayInputStream(encoded));
  }

  @Benchmark
  public byte[] encodeJavaSerialization() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    SerializableCoder.of(NaiveAccumulator.class).encode(naiveFull, out);
    return out.toByteArray();
  }

  @Benchmark
  public NaiveAccumulator decodeJavaSerialization() throws IOException {
    return SerializableCoder.of(NaiveAccumulator.class)
        .decode(new ByteArrayInputStream(serialized));
  }

  /** Encoded sizes, printed by the benchmark script. */
  public static void main(String[] args) throws IOException {
    AccumulatorBenchmark b = new AccumulatorBenchmark();
    b.setUp();
    System.out.printf(
        "encoded bytes: compact %d, Java serialization %d%n",
        b.encoded.length, b.serialized.length);
  }
}
