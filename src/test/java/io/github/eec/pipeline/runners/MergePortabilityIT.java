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
import io.github.eec.tools.verify.TableRows;
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
 * DirectRunner run over all six.
 */
@Category(EveryProfile.class)
public class MergePortabilityIT {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  @Test
  public void mergesOnTheProfilesRunnerEqualOnePlainDirectRun() throws Exception {
    Path input = TMP.newFolder("input").toPath();
    CrossRunnerFeed.write(input, CrossRunnerFeed.READINGS / 3, CrossRunnerFeed.SEED);
    Path plain = TMP.getRoot().toPath().resolve("plain");
    long allLines =
        HourlyMetricsJob.run(
                OptionsParser.parse(
                    "--input=" + input + "/part-*", "--output=" + plain, "--runner=DirectRunner"),
                System.err)
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
  }
}
