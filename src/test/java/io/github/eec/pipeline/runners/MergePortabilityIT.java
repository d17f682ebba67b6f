package io.github.eec.pipeline.runners;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.job.HourlyMetricsJob;
import io.github.eec.pipeline.job.MergeIntoTableJob;
import io.github.eec.pipeline.job.Outcome;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.options.OptionsParser;
import io.github.eec.pipeline.testing.EveryProfile;
import io.github.eec.pipeline.testing.RunnerProfile;
import io.github.eec.tools.verify.CrossRunnerFeed;
import io.github.eec.tools.verify.CrossRunnerOutputs;
import io.github.eec.tools.verify.ParquetRows;
import io.github.eec.tools.verify.RollUpRows;
import io.github.eec.tools.verify.TableRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;

/**
 * Merges on the profile's runner: the cross-runner feed's six files merged in three runs (the
 * compressed ones last, one of them twice) give a table holding exactly the rows of one plain
 * DirectRunner run over all six, estimated gap hours included, and roll-up tables holding exactly
 * its roll-ups (meters in zones either side of the date line, some not in the registry).
 */
@Category(EveryProfile.class)
public class MergePortabilityIT {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  @Test
  public void mergesOnTheProfilesRunnerEqualOnePlainDirectRun() throws Exception {
    Path input = TMP.newFolder("input").toPath();
    CrossRunnerFeed.write(input, CrossRunnerFeed.READINGS / 3, CrossRunnerFeed.SEED);
    List<String> rollUps = rollUpOptions();
    Path plain = TMP.getRoot().toPath().resolve("plain");
    List<String> plainArgs =
        new ArrayList<>(
            List.of("--input=" + input + "/part-*", "--output=" + plain, "--runner=DirectRunner"));
    plainArgs.addAll(rollUps);
    long allLines =
        HourlyMetricsJob.run(OptionsParser.parse(plainArgs.toArray(new String[0])), System.err)
            .summary()
            .get(CounterNames.LINES_READ);
    List<HourlyMeterStats> expected = ParquetRows.rows(plain.resolve("hourly"));

    String profile = System.getProperty("it.runnerProfile", "direct");
    Path table = TMP.getRoot().toPath().resolve("table-" + profile);
    long read = 0;
    for (String files :
        new String[] {"part-{0,2}.csv", "part-{1,3}.csv", "part-{4,5}.csv*", "part-5.csv*"}) {
      List<String> args =
          new ArrayList<>(
              RunnerProfile.options(profile, RunnerPortabilityIT.TEST_OPTIONS.get(profile)));
      args.add("--input=" + input + "/" + files);
      args.add("--output=" + table);
      args.add("--merge=true");
      args.addAll(rollUps);
      long start = System.nanoTime();
      Outcome outcome =
          MergeIntoTableJob.run(OptionsParser.parse(args.toArray(new String[0])), System.err);
      System.out.printf(
          "%s: merge of %s in %.1f s%n%s",
          profile, files, (System.nanoTime() - start) / 1e9, outcome.merge().format());
      read += outcome.summary().get(CounterNames.LINES_READ);
    }
    CrossRunnerOutputs.checkSameRows(
        "plain DirectRunner run",
        expected,
        profile + " merges",
        TableRows.rows(TableRows.load(table + "/warehouse", "eec.hourly")));
    assertEquals("each file read once: the last merge's file was merged before", allLines, read);
    RollUpRows.checkSame(plain, table + "/warehouse", "eec.hourly", profile + " merges");
  }

  /** A registry of the feed's first 50 meters over five zones, and a time-of-use schedule. */
  private static List<String> rollUpOptions() throws IOException {
    List<String> registry = new ArrayList<>(List.of("meter,region,time_zone,segment"));
    String[] zones = {
      "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago"
    };
    for (int m = 0; m < 50; m++) {
      registry.add(
          String.format(
              "M%03d,r%d,%s,%s", m, m % 4, zones[m % zones.length], m % 2 == 0 ? "a" : "b"));
    }
    Path registryFile = TMP.getRoot().toPath().resolve("registry.csv");
    Files.write(registryFile, registry);
    Path schedule = TMP.getRoot().toPath().resolve("tou.txt");
    Files.write(schedule, List.of("day: * 07:00-19:00", "night: otherwise"));
    return List.of(
        "--fillGaps=true", "--meterRegistry=" + registryFile, "--touSchedule=" + schedule);
  }
}
