package io.github.eec.pipeline.job;

import io.github.eec.pipeline.HourlyMetricsPipeline;
import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.merge.FileChecksums;
import io.github.eec.pipeline.merge.HourlyTable;
import io.github.eec.pipeline.merge.InputLedger;
import io.github.eec.pipeline.merge.MergeInputs;
import io.github.eec.pipeline.merge.MergePlan;
import io.github.eec.pipeline.merge.MergeRollUps;
import io.github.eec.pipeline.merge.MeterIndexFiles;
import io.github.eec.pipeline.merge.OpenRollUpTables;
import io.github.eec.pipeline.merge.RollUpTables;
import io.github.eec.pipeline.merge.TableCatalog;
import io.github.eec.pipeline.merge.TableCommits;
import io.github.eec.pipeline.merge.WriteTableFiles;
import io.github.eec.pipeline.options.AwsRegionDefault;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.output.OutputFolders;
import io.github.eec.pipeline.output.ResultPublisher;
import io.github.eec.pipeline.report.RunRecord;
import io.github.eec.pipeline.report.RunReport;
import io.github.eec.pipeline.rollup.RollUps;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One merge: the input files not merged before are read, merged with the table's rows of the days
 * they affect, written as new data files, and committed as one new table version together with the
 * ledger of merged files and the meter index. A failed, refused or killed merge leaves the table as
 * it was; the files it wrote belong to no version (a failure removes them). Every merge writes its
 * report to {@code OUTPUT/reports/RUN_ID.html}; one that changed the table also to {@code
 * OUTPUT/report.html}.
 */
public final class MergeIntoTableJob {
  private static final Logger LOG = LoggerFactory.getLogger(MergeIntoTableJob.class);
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private MergeIntoTableJob() {}

  public static Outcome run(HourlyMetricsOptions options, PrintStream warnings) throws IOException {
    RunRecord record = RunRecord.merge(options, Instant.now());
    Outcome outcome = merge(options, record);
    return outcome.withReport(RunReport.write(record, warnings));
  }

  private static Outcome merge(HourlyMetricsOptions options, RunRecord record) throws IOException {
    AwsRegionDefault.applyUnlessS3(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<MatchResult.Metadata> inputFiles = OptionsValidator.validate(options);
    ResultPublisher publisher = new ResultPublisher(options.getOutput());
    if (publisher.hasPlainResults()) {
      throw new InvalidOptionException(
          "output",
          "'"
              + options.getOutput()
              + "' holds the results of a plain run (hourly/, _SUCCESS), not a merged "
              + "table; merge into another folder");
    }
    String warehouse =
        options.getWarehouse() != null
            ? options.getWarehouse()
            : under(options.getOutput(), "warehouse");
    String stateDir = under(options.getOutput(), "merge-state/" + options.getTable().trim());
    try (TableCatalog catalog = TableCatalog.open(options, warehouse)) {
      Table table = catalog.loadOrCreate(options.getFillGaps());
      Snapshot base = table.currentSnapshot();
      Long baseId = base == null ? null : base.snapshotId();
      String ledgerAt = table.properties().get(HourlyTable.LEDGER_PROPERTY);
      InputLedger ledger = ledgerAt == null ? InputLedger.empty() : InputLedger.read(ledgerAt);
      String runId =
          ZonedDateTime.now(ZoneOffset.UTC).format(RUN_TIME)
              + "-"
              + UUID.randomUUID().toString().substring(0, 8);

      MergeInputs inputs =
          MergeInputs.classify(inputFiles, FileChecksums.sha256(inputFiles, 2), ledger, runId);
      boolean mergeChanged = options.getMergeChangedFiles();
      List<MatchResult.Metadata> toMerge = inputs.toMerge(mergeChanged);
      String runReport = under(options.getOutput(), "reports/" + runId + ".html");
      record
          .withRunId(runId)
          .withInputs(toMerge)
          .withSkipped(inputs.skipped())
          .withMergeFact("table", catalog.id() + " at " + table.location());
      List<InputLedger.Entry> newEntries = inputs.newEntries(mergeChanged);
      if (!inputs.changed().isEmpty() && !mergeChanged) {
        throw new InvalidOptionException(
            "input",
            inputs.changed().get(0)
                + " (pass --mergeChangedFiles=true to add its readings as new ones)");
      }
      MergeReport nothing =
          new MergeReport(
              catalog.id().toString(), table.location(), null, 0, inputs.skipped(), 0, List.of());
      // Roll-ups are made from the table's rows, so they need the estimated hours of its gaps.
      OpenRollUpTables rollUps =
          TableCatalog.fillsGaps(table)
              ? OpenRollUpTables.open(
                  catalog, RollUpTables.of(catalog.id(), RollUpInputs.of(options)), table, baseId)
              : null;
      Set<Integer> daysBehind = rollUps == null ? Set.of() : rollUps.daysBehind();
      if (toMerge.isEmpty() && daysBehind.isEmpty()) {
        // The table is as the last merge left it, and so is its report (report.html).
        record.ending(RunRecord.Ending.NOTHING_TO_MERGE).writeTo(runReport);
        return new Outcome(RunSummary.empty(), false, table.location(), null, nothing);
      }

      TableCommits.Files current = TableCommits.filesOf(table, baseId);
      String dataLocation = TableCommits.beamPath(table.location()) + "/data";
      String indexPrefix = stateDir + "/meters-" + runId + "/meters";
      MergePlan plan =
          new MergePlan(
              runId,
              dataLocation,
              current.pathsByDay(),
              table.properties().get(HourlyTable.METER_INDEX_PROPERTY),
              indexPrefix);
      Pipeline pipeline = Pipeline.create(options);
      String stagedRejects = publisher.stagingDir(ResultPublisher.REJECTS);
      MergeRollUps rollUpTransform =
          rollUps == null
              ? null
              : MergeRollUps.of(
                      plan,
                      RollUpInputs.of(options),
                      rollUps.tables(),
                      rollUps.dataLocations(),
                      daysBehind)
                  .withMeterGroups(options.getMeterGroups());
      String stagedCsv = options.getCsv() ? publisher.stagingDir(OutputFolders.CSV) : null;
      HourlyMetricsPipeline.buildMerge(
          pipeline, options, toMerge, plan, stagedRejects, rollUpTransform, stagedCsv);
      String rejectsDir = under(options.getOutput(), "rejects/" + runId);
      String csvDir = options.getCsv() ? under(options.getOutput(), "csv/" + runId) : null;
      String ledgerFile = stateDir + "/ledger-" + runId + ".jsonl.gz";
      boolean keepStaging = false;
      boolean committed = false;
      try {
        RunSummary summary = RunSummary.of(HourlyMetricsJob.runToCompletion(pipeline));
        record.finished(Instant.now(), summary);
        if (summary.rejectedFraction() > options.getMaxRejectedFraction()) {
          keepStaging = true;
          record
              .ending(RunRecord.Ending.TOO_MANY_REJECTS)
              .withRejects(stagedRejects)
              .writeTo(publisher.stagingFile(HourlyMetricsJob.REPORT));
          return new Outcome(summary, true, null, stagedRejects, nothing);
        }
        LOG.info("publishing merge {} into {}", runId, catalog.id());
        List<DataFile> added =
            TableCommits.writtenFiles(table, dataLocation, WriteTableFiles.filePrefix(runId));
        Set<Integer> days = new HashSet<>();
        for (DataFile f : added) {
          days.add(TableCommits.dayOf(f));
        }
        List<DataFile> removed = new ArrayList<>();
        for (int day : days) {
          removed.addAll(current.filesOf(day));
        }
        if (toMerge.isEmpty()) {
          // only roll-ups an earlier merge left behind
          publishCsv(publisher, csvDir);
          committed = true;
          List<String> rollUpLines = rollUps.commit(runId, baseId, stateDir);
          record
              .ending(RunRecord.Ending.NOTHING_TO_MERGE)
              .withMergeFact(
                  "roll-ups", "caught up with the table for " + daysBehind.size() + " days")
              .writeTo(runReport);
          return new Outcome(
              summary,
              false,
              table.location(),
              null,
              new MergeReport(
                  catalog.id().toString(),
                  table.location(),
                  null,
                  0,
                  inputs.skipped(),
                  0,
                  rollUpLines));
        }
        ledger.with(newEntries).write(ledgerFile);
        publisher.publishTo(ResultPublisher.REJECTS, rejectsDir);
        publishCsv(publisher, csvDir);
        Map<String, String> snapshotSummary = new LinkedHashMap<>();
        snapshotSummary.put("eec.run-id", runId);
        snapshotSummary.put("eec.inputs", InputLedger.toJson(newEntries));
        snapshotSummary.put("eec.rejects", rejectsDir);
        if (csvDir != null) {
          snapshotSummary.put("eec.csv", csvDir);
        }
        snapshotSummary.put("eec.lines-read", Long.toString(summary.get(CounterNames.LINES_READ)));
        snapshotSummary.put(
            "eec.lines-rejected", Long.toString(summary.get(CounterNames.LINES_REJECTED)));
        Map<String, String> properties = new HashMap<>();
        properties.put(HourlyTable.LEDGER_PROPERTY, ledgerFile);
        properties.put(HourlyTable.METER_INDEX_PROPERTY, MeterIndexFiles.glob(indexPrefix));
        long snapshot =
            TableCommits.commit(
                table, baseId, removed, added, snapshotSummary, properties, stateDir);
        committed = true;
        TableCommits.deleteQuietly(ledgerAt, plan.meterIndexGlob());
        List<String> rollUpLines =
            rollUps == null ? List.of() : rollUps.commit(runId, snapshot, stateDir);
        record
            .withHourlyFiles(
                dataLocation + "/*/" + WriteTableFiles.filePrefix(runId) + "-*.parquet")
            .withRejects(rejectsDir)
            .withRegionalHourlyFiles(
                rollUps == null ? null : rollUps.filesWritten(RollUps.REGIONAL_HOURLY, runId))
            .withMergeFact("snapshot", Long.toString(snapshot))
            .withMergeFact("days rewritten", Integer.toString(days.size()))
            .writeTo(under(options.getOutput(), HourlyMetricsJob.REPORT), runReport);
        return new Outcome(
            summary,
            false,
            table.location(),
            rejectsDir,
            new MergeReport(
                catalog.id().toString(),
                table.location(),
                snapshot,
                toMerge.size(),
                inputs.skipped(),
                days.size(),
                rollUpLines));
      } finally {
        if (!committed) {
          if (rollUps != null) {
            rollUps.deleteWritten(runId);
          }
          TableCommits.deleteQuietly(
              dataLocation + "/*/" + WriteTableFiles.filePrefix(runId) + "-*",
              indexPrefix + "-*",
              ledgerFile);
          ResultPublisher.deleteFolder(rejectsDir);
          if (csvDir != null) {
            ResultPublisher.deleteFolder(csvDir);
          }
        }
        if (!keepStaging) {
          publisher.cleanUp();
        }
      }
    }
  }

  /** The staged CSV files into the merge's own folder, {@code csv/RUN_ID/}. */
  private static void publishCsv(ResultPublisher publisher, String csvDir) throws IOException {
    if (csvDir != null) {
      publisher.publishTo(OutputFolders.CSV, csvDir);
    }
  }

  private static String under(String dir, String child) {
    return FileSystems.matchNewResource(dir, true)
        .resolve(child, StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString()
        .replaceAll("/$", "");
  }
}
