package io.github.eec.pipeline.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.junit.Test;

/** The job's defaults per runner: added for their runner only, never over what the user gave. */
public class RunnerDefaultsTest {
  private static List<String> added(String... args) {
    List<String> all = Arrays.asList(RunnerDefaults.addTo(args));
    assertEquals(
        "the given options come first, unchanged",
        Arrays.asList(args),
        all.subList(0, args.length));
    return all.subList(args.length, all.size());
  }

  @Test
  public void eachRunnerGetsItsOwnDefaults() {
    assertEquals(RunnerDefaults.of("DirectRunner"), added("--input=x", "--runner=DirectRunner"));
    assertEquals(
        List.of(
            "--storageLevel=MEMORY_AND_DISK_SER",
            "--experiments=use_bounded_concurrent_output_for_sdf"),
        RunnerDefaults.of("SparkRunner"));
    assertThat(
        String.join(" ", RunnerDefaults.of("FlinkRunner")), containsString("--fasterCopy=true"));
    assertEquals(List.of(), RunnerDefaults.of("SomeOtherRunner"));
  }

  @Test
  public void beamsDefaultRunnerAndItsAliasesAreResolvedByBeam() {
    assertEquals("DirectRunner", RunnerDefaults.runnerOf(new String[] {"--input=x"}));
    assertEquals("DirectRunner", RunnerDefaults.runnerOf(new String[] {"--runner=direct"}));
    assertEquals(RunnerDefaults.of("DirectRunner"), added("--input=x"));
  }

  @Test
  public void givenOptionsAreNeverOverridden() {
    assertEquals(
        List.of("--enforceEncodability=false", "--meterGroups=16", "--readAheadLines=1000000"),
        added("--runner=DirectRunner", "--enforceImmutability=true"));
    assertEquals(
        List.of("--enforceImmutability=false", "--enforceEncodability=false"),
        added("--meterGroups=3", "--readAheadLines=0"));
  }

  @Test
  public void theStreamingJobOnFlinkClosesBundlesWithinASecond() {
    assertThat(
        String.join(" ", RunnerDefaults.ofStreaming("FlinkRunner")),
        containsString("--maxBundleTimeMills=1000"));
    assertThat(
        String.join(" ", RunnerDefaults.of("FlinkRunner")),
        containsString("--maxBundleTimeMills=10000"));
    // State changed in place must be copied when a checkpoint is being written (heap backend).
    assertThat(
        String.join(" ", RunnerDefaults.ofStreaming("FlinkRunner")),
        containsString("--fasterCopy=false"));
    assertEquals(RunnerDefaults.of("DirectRunner"), RunnerDefaults.ofStreaming("DirectRunner"));
    assertEquals(
        Arrays.asList(RunnerDefaults.addTo(new String[] {"--runner=DirectRunner"})),
        Arrays.asList(RunnerDefaults.addToStreaming(new String[] {"--runner=DirectRunner"})));
  }

  @Test
  public void theParserAppliesThemOnce() {
    HourlyMetricsOptions o =
        OptionsParser.parse("--input=x", "--output=y", "--runner=DirectRunner");
    assertFalse(o.as(DirectOptions.class).isEnforceImmutability());
    assertEquals(16, o.getMeterGroups());
    assertEquals(
        7, OptionsParser.parse("--input=x", "--output=y", "--meterGroups=7").getMeterGroups());
  }

  @Test
  public void beamsParseErrorsAreOptionErrors() {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class, () -> OptionsParser.parse("--input=x", "--runner=Nope"));
    assertThat(e.getMessage(), containsString("Nope"));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionsParser.parse("--input=x", "--output=y", "--numShards=x"));
    assertThrows(InvalidOptionException.class, () -> OptionsParser.parse("--output=y"));
  }
}
