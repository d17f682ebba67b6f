package io.github.eec.tools.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ParameterException;

/**
 * Generates deterministic, realistic electricity-meter readings as CSV files (see
 * docs/generator.md): {@code --shards} files written in parallel, optional fault injection, a count
 * of what was injected, and optionally the exact expected hourly metrics ({@code --groundTruth}).
 *
 * <p>Needs only the JDK and picocli, so scripts/make-data.sh can compile and run it with javac
 * whatever state the rest of the build is in.
 */
public final class ReadingsGenerator {

  private ReadingsGenerator() {}

  public static void main(String[] args) {
    int status = run(System.out, System.err, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * The command line: 0 when done (or after --help), 2 for a bad option, before anything is
   * written, 1 for an I/O error. Problems are reported as one line on {@code err}.
   */
  static int run(PrintStream out, PrintStream err, String... args) {
    GeneratorOptions options;
    try {
      GeneratorCommand command = GeneratorCommand.parse(args);
      if (command.help) {
        out.print(command.usage());
        return 0;
      }
      options = new GeneratorOptions(command);
    } catch (ParameterException e) {
      err.println("ReadingsGenerator: " + e.getMessage());
      return 2;
    }
    try {
      generate(options, out);
      return 0;
    } catch (IOException | UncheckedIOException e) {
      err.println("ReadingsGenerator: " + e);
      return 1;
    }
  }

  /** Runs the generator with command-line style arguments, quietly; for tests. */
  public static FaultCounts generate(String... args) throws IOException {
    return generate(GeneratorOptions.parse(args), null);
  }

  /**
   * Writes the shards, the faults file and the ground truth; prints a summary to {@code log} if not
   * null.
   */
  public static FaultCounts generate(GeneratorOptions o, PrintStream log) throws IOException {
    Files.createDirectories(o.output);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            o.threads,
            r -> {
              Thread t = new Thread(r, "readings-generator-" + threadNumber.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
    try {
      long t0 = System.nanoTime();
      List<Future<FaultCounts>> shards = new ArrayList<>();
      for (int s = 0; s < o.shards; s++) {
        shards.add(pool.submit(new ShardWriter(o, s)));
      }
      FaultCounts total = new FaultCounts();
      for (Future<FaultCounts> f : shards) {
        total.add(await(f));
      }
      long onDisk = 0;
      for (int s = 0; s < o.shards; s++) {
        onDisk += Files.size(o.output.resolve(o.shardFileName(s)));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      total.write(o.faultsFile, o);
      if (log != null) {
        log.printf(
            Locale.ROOT,
            "wrote %d file(s) %s to %s: %,d lines, %.1f MB uncompressed%s in %.2f s = %.1f MB/s%n",
            o.shards,
            o.shardFileName(0).replace("00000-of", "*-of"),
            o.output,
            total.lines(),
            total.bytes() / 1e6,
            o.gzip ? String.format(Locale.ROOT, " (%.1f MB gzipped)", onDisk / 1e6) : "",
            seconds,
            total.bytes() / 1e6 / seconds);
        log.printf(
            Locale.ROOT,
            "readings: %,d nominal, %,d missing, %,d transmitted; lines: %,d accepted, "
                + "%,d rejected, %,d header; counts in %s%n",
            total.nominalReadings(),
            total.missingReadings(),
            total.transmittedReadings(),
            total.acceptedLines(),
            total.rejectedLines(),
            total.headerLines(),
            o.faultsFile);
      }
      if (o.groundTruth != null) {
        long g0 = System.nanoTime();
        List<ExpectedHour> rows = GroundTruthBuilder.compute(o, pool);
        GroundTruthCsv.write(o.groundTruth, rows);
        if (log != null) {
          log.printf(
              Locale.ROOT,
              "ground truth: %,d hourly rows to %s in %.2f s%n",
              rows.size(),
              o.groundTruth,
              (System.nanoTime() - g0) / 1e9);
        }
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The task's result; its exception rethrown as is (I/O) or unchecked. */
  static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }
}
