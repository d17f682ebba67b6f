package io.github.eec.pipeline.merge;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.cli.ExitCode;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.testing.CommandLineRun;
import io.github.eec.pipeline.testing.Jobs;
import io.github.eec.tools.generator.ReadingsGenerator;
import io.github.eec.tools.verify.CrossRunnerOutputs;
import io.github.eec.tools.verify.ParquetRows;
import io.github.eec.tools.verify.RollUpRows;
import io.github.eec.tools.verify.TableRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Merging files into the table, in any split and order, gives exactly the rows of one plain run
 * over all of them: a property checked on generated data with gaps (also of several days), resets,
 * 15-minute and 10-second meters, files that straddle midnight and late files.
 */
public class MergeIntoTableTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private String stdout;
  private String stderr;

  private int run(String... args) {
    CommandLineRun r = CommandLineRun.of(args);
    stdout = r.stdout;
    stderr = r.stderr;
    return r.code;
  }

  private int merge(Path output, List<Path> files, String... extra) {
    List<String> args = new ArrayList<>();
    args.add(
        "--input="
            + (files.size() == 1
                ? files.get(0)
                : files.get(0).getParent() + "/{" + names(files) + "}"));
    args.add("--output=" + output);
    args.add("--merge=true");
    args.add("--runner=DirectRunner");
    args.add("--maxRejectedFraction=1");
    args.addAll(List.of(extra));
    return run(args.toArray(new String[0]));
  }

  private static String names(List<Path> files) {
    return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(","));
  }

  /** Every reading line of a generated data set: 15-minute and 10-second meters, with faults. */
  private List<String> readings(long seed) throws IOException {
    Path quarter = tmp.newFolder("quarter-" + seed).toPath();
    ReadingsGenerator.generate(
        "--meters=5",
        "--duration=9d",
        "--period=15min",
        "--jitter=0",
        "--timeFormat=minute",
        "--start=2024-03-01",
        "--seed=" + seed,
        "--header=false",
        "--outageRate=0.5",
        "--faultRates=REGISTER_RESET:0.002,DUPLICATE:0.002,OUT_OF_ORDER:0.002,BAD_TIME:0.001",
        "--output=" + quarter);
    Path fast = tmp.newFolder("fast-" + seed).toPath();
    ReadingsGenerator.generate(
        "--meters=2",
        "--firstMeter=50",
        "--duration=2d",
        "--period=10s",
        "--start=2024-03-03T20:00:00Z",
        "--seed=" + (seed + 1),
        "--header=false",
        "--outageRate=2",
        "--faultRates=REGISTER_RESET:0.0005",
        "--output=" + fast);
    List<String> lines = new ArrayList<>();
    for (Path dir : List.of(quarter, fast)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.collect(Collectors.toList())) {
          lines.addAll(Files.readAllLines(f));
        }
      }
    }
    // Gaps of several days: meter 1 silent from day 2 to day 5, meter 3 from day 6 on.
    return lines.stream()
        .filter(l -> !(l.startsWith("MTR-000001,") && between(l, "2024-03-02", "2024-03-06")))
        .filter(l -> !(l.startsWith("MTR-000003,") && between(l, "2024-03-07", "2024-03-10")))
        .collect(Collectors.toList());
  }

  private static boolean between(String line, String fromDay, String toDay) {
    String[] f = line.split(",");
    return f.length == 4 && f[1].compareTo(fromDay) >= 0 && f[1].compareTo(toDay) < 0;
  }

  /** The day of a line's time, shifted so that "day" files end at 21:30 and straddle midnight. */
  private static String fileDay(String line) {
    String[] f = line.split(",");
    try {
      LocalDateTime t =
          LocalDateTime.parse(f[1].trim().length() == 16 ? f[1].trim() + ":00" : f[1].trim(), TIME);
      return t.plusMinutes(150).toLocalDate().toString();
    } catch (RuntimeException e) {
      return "bad"; // a malformed line: any file
    }
  }

  /**
   * The readings as feed files: a file per (shifted) day, a late file with one hour of one meter
   * from early on, and one small file of lines from all over.
   */
  private List<Path> split(List<String> lines, Random random, Path dir) throws IOException {
    Files.createDirectories(dir);
    java.util.Map<String, List<String>> byDay = new java.util.TreeMap<>();
    List<String> late = new ArrayList<>();
    List<String> scattered = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("MTR-000002,2024-03-02 07:")
          || line.startsWith("MTR-000051,2024-03-04 07:")) {
        late.add(line);
      } else if (random.nextInt(300) == 0) {
        scattered.add(line);
      } else {
        byDay.computeIfAbsent(fileDay(line), d -> new ArrayList<>()).add(line);
      }
    }
    List<Path> files = new ArrayList<>();
    for (java.util.Map.Entry<String, List<String>> day : byDay.entrySet()) {
      files.add(write(dir.resolve("day-" + day.getKey() + ".csv"), day.getValue()));
    }
    files.add(write(dir.resolve("late.csv"), late));
    files.add(write(dir.resolve("scattered.csv"), scattered));
    return files;
  }

  private static Path write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** The output folder of one plain run over all of {@code files}. */
  private Path plainRun(List<Path> files, String name, String... extra) throws IOException {
    Path dir = tmp.getRoot().toPath().resolve(name);
    Files.createDirectories(dir);
    List<String> lines = new ArrayList<>();
    for (Path f : files) {
      lines.addAll(Files.readAllLines(f));
    }
    Path all = write(dir.resolve("all.csv"), lines);
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("--maxRejectedFraction=1", "--numShards=1"));
    args.addAll(List.of(extra));
    Jobs.run(all.toString(), out, args.toArray(new String[0]));
    return out;
  }

  private List<HourlyMeterStats> plainRows(List<Path> files, String name, String... extra)
      throws IOException {
    return ParquetRows.rows(plainRun(files, name, extra).resolve("hourly"));
  }

  /** Meters in zones far apart (and two the registry does not list), two periods. */
  private String[] rollUpOptions() throws IOException {
    Path registry =
        write(
            tmp.getRoot().toPath().resolve("registry.csv"),
            List.of(
                "meter,region,time_zone,tariff",
                "MTR-000001,north,Europe/Berlin,res",
                "MTR-000002,north,America/New_York,res",
                "MTR-000003,south,Pacific/Kiritimati,biz",
                "MTR-000004,south,Pacific/Pago_Pago,res",
                "MTR-000050,south,Asia/Tokyo,biz"));
    Path schedule =
        write(
            tmp.getRoot().toPath().resolve("tou.txt"),
            List.of("peak: Mon-Fri 17:00-21:00", "offpeak: otherwise"));
    return new String[] {
      "--fillGaps=true", "--meterRegistry=" + registry, "--touSchedule=" + schedule
    };
  }

  private static void checkSameRollUps(Path plainOut, Path merged, String what) throws IOException {
    RollUpRows.checkSame(plainOut, merged.resolve("warehouse").toString(), "eec.hourly", what);
  }

  private static List<HourlyMeterStats> tableRows(Path output) throws IOException {
    return TableRows.rows(TableRows.load(output.resolve("warehouse").toString(), "eec.hourly"));
  }

  /**
   * After every merge, the table holds the rows of one plain run over all the files merged so far;
   * merging a file again (alone or with new ones) changes nothing. The second seed's table holds
   * the estimated hours of gaps ({@code --fillGaps}), among them gaps of several days that late
   * files fill, and has roll-up tables: after every merge they hold the plain run's roll-ups, also
   * after a merge whose roll-up commits were lost (as if killed between the commits).
   */
  @Test
  public void anySplitAndOrderOfMergesEqualsOnePlainRun() throws Exception {
    for (long seed : new long[] {3, 8}) {
      String[] gaps = seed == 8 ? rollUpOptions() : new String[0];
      Random random = new Random(seed);
      List<String> lines = readings(seed);
      List<Path> files = split(lines, random, tmp.getRoot().toPath().resolve("feed-" + seed));
      Collections.shuffle(files, random);
      Path output = tmp.getRoot().toPath().resolve("table-" + seed);
      List<Path> merged = new ArrayList<>();
      for (int i = 0; i < files.size(); ) {
        int n = 1 + random.nextInt(3);
        List<Path> batch = new ArrayList<>(files.subList(i, Math.min(files.size(), i + n)));
        i += batch.size();
        boolean retry = !merged.isEmpty() && random.nextInt(3) == 0;
        if (retry) {
          batch.add(merged.get(random.nextInt(merged.size()))); // merged before: skipped
        }
        assertEquals(stderr, ExitCode.DONE, merge(output, batch, gaps));
        for (Path f : batch) {
          if (!merged.contains(f)) {
            merged.add(f);
          }
        }
        if (retry) {
          assertThat(stdout, containsString("(already merged)"));
        }
        Path plain = plainRun(merged, "plain-" + seed + "-" + merged.size(), gaps);
        CrossRunnerOutputs.checkSameRows(
            "plain run over " + names(merged),
            ParquetRows.rows(plain.resolve("hourly")),
            "the table (seed " + seed + ")",
            tableRows(output));
        if (gaps.length > 0) {
          checkSameRollUps(plain, output, "after merging " + names(merged));
          if (merged.size() % 3 == 1) {
            loseLastRollUpCommit(
                output, RollUpRows.ROLL_UPS.get(merged.size() % RollUpRows.ROLL_UPS.size()));
          }
        }
      }

      // Merging everything again changes nothing: every file is skipped.
      Table table = TableRows.load(output.resolve("warehouse").toString(), "eec.hourly");
      long snapshots = count(table.snapshots());
      List<HourlyMeterStats> before = tableRows(output);
      assertEquals(stderr, ExitCode.DONE, merge(output, files, gaps));
      assertThat(
          stdout, containsString("files skipped          " + files.size() + " (already merged)"));
      table.refresh();
      assertEquals(snapshots, count(table.snapshots()));
      CrossRunnerOutputs.checkSameRows("before", before, "after a rerun", tableRows(output));
      if (gaps.length > 0) {
        // a roll-up commit lost in the last merge was made good by this run, which merged nothing
        checkSameRollUps(plainRun(merged, "plain-" + seed + "-all", gaps), output, "a rerun");
      }
    }
  }

  /** Rolls a roll-up table back one version: a merge killed before that roll-up's commit. */
  private static void loseLastRollUpCommit(Path output, String rollUp) {
    Table t = TableRows.load(output.resolve("warehouse").toString(), "eec.hourly_" + rollUp);
    Snapshot current = t.currentSnapshot();
    if (current != null && current.parentId() != null) {
      t.manageSnapshots().rollbackTo(current.parentId()).commit();
    }
  }

  private static long count(Iterable<Snapshot> snapshots) {
    long n = 0;
    for (Snapshot s : snapshots) {
      n++;
    }
    return n;
  }

  @Test
  public void aChangedFileIsRefusedUnlessAskedAndOldVersionsStayReadable() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Path day1 =
        write(
            in.resolve("day1.csv"),
            List.of("A,2024-03-01 10:00,100,1", "A,2024-03-01 10:30,200,1"));
    Path output = tmp.getRoot().toPath().resolve("out");
    assertEquals(stderr, ExitCode.DONE, merge(output, List.of(day1)));
    Table table = TableRows.load(output.resolve("warehouse").toString(), "eec.hourly");
    long first = table.currentSnapshot().snapshotId();
    List<HourlyMeterStats> before = TableRows.rows(table);

    write(day1, List.of("A,2024-03-01 10:00,100,1", "A,2024-03-01 10:45,300,1"));
    assertEquals(stderr, ExitCode.BAD_OPTIONS, merge(output, List.of(day1)));
    assertThat(stderr.lines().findFirst().orElse(""), containsString(day1.toString()));
    assertThat(stderr, containsString("--mergeChangedFiles=true"));
    table.refresh();
    assertEquals(first, table.currentSnapshot().snapshotId());

    assertEquals(stderr, ExitCode.DONE, merge(output, List.of(day1), "--mergeChangedFiles=true"));
    table.refresh();
    List<HourlyMeterStats> after = TableRows.rows(table);
    assertEquals(1, after.size());
    assertEquals(4, after.get(0).readings()); // both versions' readings
    assertEquals(before, TableRows.rows(table, first)); // what the hour said before
  }

  @Test
  public void refusesFoldersThatAreNotItsTableAndBadCombinations() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Path file = write(in.resolve("a.csv"), List.of("A,2024-03-01 10:00,100,1"));
    Path plain = tmp.getRoot().toPath().resolve("plain");
    Jobs.run(file.toString(), plain);
    assertEquals(ExitCode.BAD_OPTIONS, merge(plain, List.of(file)));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("plain run"));
    assertEquals(
        ExitCode.BAD_OPTIONS,
        merge(tmp.getRoot().toPath().resolve("x"), List.of(file), "--dedupe=true"));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("--dedupe"));
    assertEquals(
        ExitCode.BAD_OPTIONS,
        merge(tmp.getRoot().toPath().resolve("x"), List.of(file), "--table=nodot"));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("--table"));

    // A table of the same name that another program created.
    Path foreign = tmp.getRoot().toPath().resolve("foreign");
    org.apache.iceberg.hadoop.HadoopCatalog catalog = new org.apache.iceberg.hadoop.HadoopCatalog();
    catalog.setConf(new org.apache.hadoop.conf.Configuration());
    catalog.initialize("t", java.util.Map.of("warehouse", foreign.resolve("warehouse").toString()));
    catalog.createTable(
        org.apache.iceberg.catalog.TableIdentifier.parse("eec.hourly"),
        new org.apache.iceberg.Schema(
            org.apache.iceberg.types.Types.NestedField.required(
                1, "meter", org.apache.iceberg.types.Types.StringType.get())));
    assertEquals(ExitCode.BAD_OPTIONS, merge(foreign, List.of(file)));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("not a table of this job"));
    assertFalse(Files.exists(foreign.resolve("rejects")));

    // One of this job's tables whose schema was changed since: a column of another type.
    Path changed = tmp.getRoot().toPath().resolve("changed");
    assertEquals(stderr, ExitCode.DONE, merge(changed, List.of(file)));
    Table table = TableRows.load(changed.resolve("warehouse").toString(), "eec.hourly");
    table
        .updateSchema()
        .deleteColumn("register_resets")
        .addColumn("register_resets", org.apache.iceberg.types.Types.StringType.get())
        .commit();
    long snapshot = table.currentSnapshot().snapshotId();
    Path more = write(in.resolve("b.csv"), List.of("A,2024-03-01 11:00,200,1"));
    assertEquals(ExitCode.BAD_OPTIONS, merge(changed, List.of(more)));
    assertThat(
        stderr.lines().findFirst().orElse(""),
        containsString("incompatible schema: column register_resets"));
    table.refresh();
    assertEquals(snapshot, table.currentSnapshot().snapshotId());

    // Whether a table holds the estimated hours of gaps is fixed when it is made.
    Path gaps = tmp.getRoot().toPath().resolve("gaps");
    assertEquals(stderr, ExitCode.DONE, merge(gaps, List.of(file), "--fillGaps=true"));
    assertEquals(ExitCode.BAD_OPTIONS, merge(gaps, List.of(more)));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("pass --fillGaps=true"));
    assertEquals(ExitCode.BAD_OPTIONS, merge(changed, List.of(more), "--fillGaps=true"));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("incompatible schema"));
    Path noGaps = tmp.getRoot().toPath().resolve("no-gaps");
    assertEquals(stderr, ExitCode.DONE, merge(noGaps, List.of(file)));
    assertEquals(ExitCode.BAD_OPTIONS, merge(noGaps, List.of(more), "--fillGaps=true"));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("drop --fillGaps"));
  }

  @Test
  public void aJdbcCatalogHoldsTheSameTable() throws Exception {
    Path in = tmp.newFolder("jdbc-in").toPath();
    Path day1 =
        write(
            in.resolve("day1.csv"),
            List.of("A,2024-03-01 22:10,100,1", "A,2024-03-01 23:50,300,1"));
    Path day2 =
        write(
            in.resolve("day2.csv"), List.of("A,2024-03-02 00:20,400,1", "B,2024-03-02 01:00,5,1"));
    Path output = tmp.getRoot().toPath().resolve("jdbc");
    String uri = "jdbc:sqlite:" + tmp.getRoot().toPath().resolve("catalog.db");
    for (Path day : List.of(day1, day2, day1)) {
      assertEquals(
          stderr,
          ExitCode.DONE,
          merge(output, List.of(day), "--catalog=jdbc", "--catalogUri=" + uri));
    }
    assertThat(stdout, containsString("(already merged)"));
    Table table = TableRows.loadJdbc(uri, output.resolve("warehouse").toString(), "eec.hourly");
    CrossRunnerOutputs.checkSameRows(
        "plain run",
        plainRows(List.of(day1, day2), "jdbc-plain"),
        "JDBC catalog table",
        TableRows.rows(table));
    assertEquals(ExitCode.BAD_OPTIONS, merge(output, List.of(day1), "--catalog=jdbc"));
    assertThat(stderr.lines().findFirst().orElse(""), containsString("--catalogUri"));
  }

  @Test
  public void tooManyRejectsPublishesNothing() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Path good = write(in.resolve("good.csv"), List.of("A,2024-03-01 10:00,100,1"));
    Path output = tmp.getRoot().toPath().resolve("out");
    assertEquals(stderr, ExitCode.DONE, merge(output, List.of(good)));
    Path bad =
        write(in.resolve("bad.csv"), List.of("A,2024-03-01 11:00,200,1", "junk", "more junk"));
    List<String> args =
        List.of("--input=" + bad, "--output=" + output, "--merge=true", "--runner=DirectRunner");
    assertEquals(stderr, ExitCode.TOO_MANY_REJECTS, run(args.toArray(new String[0])));
    assertEquals(1, tableRows(output).size());
    try (Stream<Path> data = Files.walk(output.resolve("warehouse/eec/hourly/data"))) {
      assertEquals(
          "only the first merge's file (the refused merge's are gone, empty shards are not kept)",
          1,
          data.filter(p -> p.toString().endsWith(".parquet")).count());
    }
    // The file was not merged: with a higher limit it is.
    assertEquals(stderr, ExitCode.DONE, merge(output, List.of(bad)));
    assertEquals(2, tableRows(output).size());
    assertTrue(stdout.contains("files merged           1"));
  }
}
