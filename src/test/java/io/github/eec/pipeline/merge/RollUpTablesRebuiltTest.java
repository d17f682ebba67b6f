package io.github.eec.pipeline.merge;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.testing.CommandLineRun;
import io.github.eec.tools.verify.RollUpRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * README "Roll-up tables": dropped roll-up tables are made anew by the next merge, one with nothing
 * new to merge too, from every day of the hourly table (after a registry change, say).
 */
public class RollUpTablesRebuiltTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private String stderr;

  private int run(List<String> args) {
    CommandLineRun r = CommandLineRun.of(args.toArray(new String[0]));
    stderr = r.stderr;
    return r.code;
  }

  @Test
  public void droppedRollUpTablesAreMadeAnewFromTheWholeTable() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    for (int d = 1; d <= 3; d++) {
      StringBuilder s = new StringBuilder();
      for (int m = 0; m < 24 * 60; m += 30) {
        if (d == 2 && m >= 600 && m < 900) {
          continue; // an outage: estimated hours
        }
        for (String meter : List.of("A", "B", "C")) {
          s.append(
              String.format(
                  "%s,2024-03-%02d %02d:%02d,%d,%d%n",
                  meter, d, m / 60, m % 60, (d * 1440 + m) * meter.charAt(0), m));
        }
      }
      Files.writeString(in.resolve("day" + d + ".csv"), s);
    }
    Path registry = tmp.getRoot().toPath().resolve("registry.csv");
    Files.writeString(
        registry, "meter,region,time_zone\nA,north,Europe/Berlin\nB,south,America/Chicago\n");
    Path merged = tmp.getRoot().toPath().resolve("merged");
    for (int d = 1; d <= 3; d++) {
      assertEquals(
          stderr, ExitCode.DONE, run(merge(in.resolve("day" + d + ".csv"), merged, registry)));
    }
    // The registry changes: C is listed now, A moves. Drop the roll-up tables; rerun a merge.
    Files.writeString(
        registry,
        "meter,region,time_zone\nA,west,Asia/Tokyo\nB,south,America/Chicago\nC,north,UTC\n");
    String warehouse = merged.resolve("warehouse").toString();
    HadoopCatalog catalog = new HadoopCatalog(new Configuration(), warehouse);
    for (String rollUp : RollUpRows.ROLL_UPS) {
      catalog.dropTable(TableIdentifier.of("eec", "hourly_" + rollUp), true);
    }
    assertEquals(stderr, ExitCode.DONE, run(merge(in.resolve("day2.csv"), merged, registry)));

    Path plain = tmp.getRoot().toPath().resolve("plain");
    List<String> args = merge(in.resolve("*.csv"), plain, registry);
    args.remove("--merge=true");
    assertEquals(stderr, ExitCode.DONE, run(args));
    RollUpRows.checkSame(plain, warehouse, "eec.hourly", "after the roll-up tables were dropped");
  }

  private static List<String> merge(Path input, Path output, Path registry) {
    return new ArrayList<>(
        List.of(
            "--input=" + input,
            "--output=" + output,
            "--runner=DirectRunner",
            "--merge=true",
            "--fillGaps=true",
            "--meterRegistry=" + registry));
  }
}
