package io.github.eec.tools.jmh;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.parse.ReadingLineParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Line parsing, the per-reading hot path: the project's parser against the obvious version ({@code
 * String.split}, {@code Double.parseDouble}, a {@code DateTimeFormatter}), on the same realistic
 * lines in the same run. Reported per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private String[] lines;
  private ReadingLineParser parser;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    lines = new String[4096];
    for (int i = 0; i < lines.length; i++) {
      lines[i] =
          String.format(
              "MTR-%06d,2024-03-01 %02d:%02d:%02d,%d.%03d,%d.%03d",
              random.nextInt(2000),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(100_000_000),
              random.nextInt(1000),
              random.nextInt(5_000_000),
              random.nextInt(1000));
    }
    parser = new ReadingLineParser(ReadingRules.defaults());
  }

  private String nextLine() {
    next = (next + 1) & (lines.length - 1);
    return lines[next];
  }

  @Benchmark
  public void projectParser(Blackhole bh) {
    bh.consume(parser.parse(nextLine()));
    bh.consume(parser.timeMillis());
    bh.consume(parser.energyMwh());
    bh.consume(parser.powerMw());
  }

  /** Baseline: what one would write first. */
  @Benchmark
  public void splitAndJavaTime(Blackhole bh) {
    String[] f = nextLine().split(",");
    bh.consume(f[0].trim());
    bh.consume(LocalDateTime.parse(f[1].trim(), SPACE).toInstant(ZoneOffset.UTC).toEpochMilli());
    bh.consume(Double.parseDouble(f[2]));
    bh.consume(Double.parseDouble(f[3]));
  }
}
