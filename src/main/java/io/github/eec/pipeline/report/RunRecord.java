package io.github.eec.pipeline.report;

import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What a job tells the report about its run, filled in as the run goes: when, how it ended, which
 * files it read, where its hourly rows and rejects are, and where the report goes.
 */
public final class RunRecord {
  /** How the run ended. */
  public enum Ending {
    /** Results published (a plain run) or committed to the table (a merge). */
    PUBLISHED,
    /** More lines rejected than {@code --maxRejectedFraction} allows: nothing published. */
    TOO_MANY_REJECTS,
    /** A merge whose input files had all been merged before. */
    NOTHING_TO_MERGE
  }

  private final HourlyMetricsOptions options;
  private final boolean merge;
  private final Instant started;
  private String runId;
  private Instant finished;
  private Ending ending = Ending.PUBLISHED;
  private RunSummary summary = RunSummary.empty();
  private List<MatchResult.Metadata> inputs = List.of();
  private List<String> skipped = List.of();
  private String hourlyFiles;
  private String regionalHourlyFiles;
  private String rejectsDir;
  private final Map<String, String> mergeFacts = new LinkedHashMap<>();
  private final List<String> destinations = new ArrayList<>();

  private RunRecord(HourlyMetricsOptions options, boolean merge, Instant started) {
    this.options = options;
    this.merge = merge;
    this.started = started;
  }

  /** A plain run that started at {@code started}. */
  public static RunRecord plain(HourlyMetricsOptions options, Instant started) {
    return new RunRecord(options, false, started);
  }

  /** A merge that started at {@code started}. */
  public static RunRecord merge(HourlyMetricsOptions options, Instant started) {
    return new RunRecord(options, true, started);
  }

  public RunRecord withRunId(String id) {
    this.runId = id;
    return this;
  }

  /** The files the run read, with their sizes. */
  public RunRecord withInputs(List<MatchResult.Metadata> files) {
    this.inputs = List.copyOf(files);
    return this;
  }

  /** A merge's input files merged before (not read again). */
  public RunRecord withSkipped(List<String> files) {
    this.skipped = List.copyOf(files);
    return this;
  }

  /** The pipeline finished at {@code at} with these counters. */
  public RunRecord finished(Instant at, RunSummary counters) {
    this.finished = at;
    this.summary = counters;
    return this;
  }

  public RunRecord ending(Ending how) {
    this.ending = how;
    return this;
  }

  /** A glob of the Parquet files holding the hourly rows the report describes. */
  public RunRecord withHourlyFiles(String glob) {
    this.hourlyFiles = glob;
    return this;
  }

  /** A glob of the Parquet files of the regional hourly roll-up (a run with a meter registry). */
  public RunRecord withRegionalHourlyFiles(String glob) {
    this.regionalHourlyFiles = glob;
    return this;
  }

  /** The folder of the run's rejects ({@code rejects-*.jsonl}). */
  public RunRecord withRejects(String dir) {
    this.rejectsDir = dir;
    return this;
  }

  /** A line of what a merge did to the table (table, snapshot, days rewritten...). */
  public RunRecord withMergeFact(String label, String value) {
    mergeFacts.put(label, value);
    return this;
  }

  /** Where the report is written; the first is the one the run summary names. */
  public RunRecord writeTo(String... files) {
    destinations.addAll(List.of(files));
    return this;
  }

  HourlyMetricsOptions options() {
    return options;
  }

  boolean isMerge() {
    return merge;
  }

  Instant started() {
    return started;
  }

  /** When the pipeline finished, or null when none ran (nothing to merge). */
  Instant finished() {
    return finished;
  }

  String runId() {
    return runId;
  }

  Ending ending() {
    return ending;
  }

  RunSummary summary() {
    return summary;
  }

  List<MatchResult.Metadata> inputs() {
    return inputs;
  }

  List<String> skipped() {
    return skipped;
  }

  String hourlyFiles() {
    return hourlyFiles;
  }

  /** The regional hourly roll-up's files, or null when the run wrote none. */
  String regionalHourlyFiles() {
    return regionalHourlyFiles;
  }

  String rejectsDir() {
    return rejectsDir;
  }

  Map<String, String> mergeFacts() {
    return mergeFacts;
  }

  List<String> destinations() {
    return destinations;
  }
}
