package io.github.eec.tools.jmh;

import io.github.eec.pipeline.parse.ReadingTimeParser;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Timestamp parsing: the hand-written parser against java.time, per timestamp, same run. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimeParseBenchmark {
  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final ReadingTimeParser utc = new ReadingTimeParser(ZoneId.of("UTC"));
  private final ReadingTimeParser paris = new ReadingTimeParser(ZoneId.of("Europe/Paris"));
  private final String local = "2024-03-01 13:45:07";
  private final String iso = "2024-03-01T13:45:07+01:00";

  @Benchmark
  public long projectLocalUtc() {
    return utc.parse(local, 0, local.length());
  }

  @Benchmark
  public long projectLocalRegionZone() {
    return paris.parse(local, 0, local.length());
  }

  @Benchmark
  public long projectIsoOffset() {
    return utc.parse(iso, 0, iso.length());
  }

  @Benchmark
  public long javaTimeLocalUtc() {
    return LocalDateTime.parse(local, SPACE).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Benchmark
  public long javaTimeIsoOffset() {
    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }
}
