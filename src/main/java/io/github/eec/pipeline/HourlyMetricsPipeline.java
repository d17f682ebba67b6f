package io.github.eec.pipeline;

import io.github.eec.pipeline.cli.CommandLine;
import io.github.eec.pipeline.merge.MergePlan;
import io.github.eec.pipeline.merge.MergeRollUps;
import io.github.eec.pipeline.merge.MergeWithTable;
import io.github.eec.pipeline.merge.MeterIndexFiles;
import io.github.eec.pipeline.merge.TableHour;
import io.github.eec.pipeline.merge.WriteTableFiles;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.options.DirectRunnerMemoryCheck;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.output.OutputFolders;
import io.github.eec.pipeline.output.WriteHourlyCsv;
import io.github.eec.pipeline.output.WriteHourlyParquet;
import io.github.eec.pipeline.output.WriteRejects;
import io.github.eec.pipeline.parse.ReadAhead;
import io.github.eec.pipeline.parse.ReadLinesWithFileName;
import io.github.eec.pipeline.rollup.RollUpConfig;
import io.github.eec.pipeline.rollup.RollUps;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Meter readings (CSV) to hourly metrics (Parquet): the whole shape is {@link #build}. {@code main}
 * is the command line ({@link CommandLine}); a run and its publishing are {@code
 * job.HourlyMetricsJob}.
 */
public final class HourlyMetricsPipeline {
  private HourlyMetricsPipeline() {}

  public static void main(String[] args) {
    int code = CommandLine.run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Builds the whole pipeline, writing each output into {@code folders.of(name)} (a run's staging
   * folders), and returns the hourly rows and rejects it computes, so tests assert on exactly what
   * {@code main} runs.
   */
  public static PCollectionTuple build(
      Pipeline pipeline,
      HourlyMetricsOptions options,
      RollUpConfig rollUps,
      OutputFolders folders) {
    ReadAhead readAhead = readAhead(options);
    PCollectionTuple results =
        pipeline
            .apply(
                "ReadLines",
                ReadLinesWithFileName.from(options.getInput()).withReadAhead(readAhead))
            .apply(
                "ComputeHourlyMetrics",
                ComputeHourlyMetrics.create()
                    .withRules(OptionsValidator.readingRules(options))
                    .withReadAhead(readAhead)
                    .withDedupe(options.getDedupe())
                    .withMeterGroups(options.getMeterGroups())
                    .withGapRows());
    PCollection<HourlyMeterStats> hours = results.get(ComputeHourlyMetrics.HOURLY);
    PCollection<HourlyMeterStats> hourly =
        options.getFillGaps()
            ? hours
            : hours.apply("MeasuredHoursOnly", Filter.by(h -> !h.isEstimated()));
    hourly.apply(
        "WriteHourlyParquet",
        WriteHourlyParquet.to(folders.of(OutputFolders.HOURLY))
            .withNumShards(options.getNumShards()));
    results
        .get(ComputeHourlyMetrics.REJECTS)
        .apply("WriteRejects", WriteRejects.to(folders.of(OutputFolders.REJECTS)));
    RollUps rollUpTransform =
        RollUps.of(rollUps, folders.rollUps()).withMeterGroups(options.getMeterGroups());
    if (options.getCsv()) {
      String csv = folders.of(OutputFolders.CSV);
      hourly.apply("HourlyCsv", WriteHourlyCsv.to(csv));
      rollUpTransform = rollUpTransform.withCsvIn(csv);
    }
    hours.apply("RollUps", rollUpTransform);
    return results;
  }

  /**
   * The same steps up to the hourly combine, then merged with the table's rows of the days they
   * affect ({@link MergeWithTable}), written as the table's new data files and meter index (the job
   * commits them). Reads exactly {@code inputFiles}: those not merged before. With {@code
   * csvFolder}, the rows written (hourly and roll-ups) also go there as CSV.
   */
  public static PCollectionTuple buildMerge(
      Pipeline pipeline,
      HourlyMetricsOptions options,
      List<MatchResult.Metadata> inputFiles,
      MergePlan plan,
      String rejectsDir,
      MergeRollUps rollUps,
      String csvFolder) {
    ReadAhead readAhead = readAhead(options);
    PCollectionTuple hourly =
        pipeline
            .apply(
                "ReadLines", ReadLinesWithFileName.fromFiles(inputFiles).withReadAhead(readAhead))
            .apply(
                "CombineHourly",
                CombineHourly.create()
                    .withRules(OptionsValidator.readingRules(options))
                    .withReadAhead(readAhead));
    MergeWithTable merge = MergeWithTable.into(plan).withMeterGroups(options.getMeterGroups());
    PCollectionTuple merged =
        hourly
            .get(CombineHourly.ACCUMULATORS)
            .apply("MergeWithTable", options.getFillGaps() ? merge.withGapRows() : merge);
    merged
        .get(MergeWithTable.ROWS)
        .apply("WriteTableFiles", WriteTableFiles.of(plan).withNumShards(options.getNumShards()));
    merged
        .get(MergeWithTable.METER_INDEX)
        .apply("WriteMeterIndex", MeterIndexFiles.write(plan.newMeterIndexPrefix()));
    if (csvFolder != null) {
      merged
          .get(MergeWithTable.ROWS)
          .apply(
              "TableRowsAsHourly",
              MapElements.into(TypeDescriptor.of(HourlyMeterStats.class)).via(TableHour::stats))
          .apply("HourlyCsv", WriteHourlyCsv.to(csvFolder));
    }
    if (rollUps != null) {
      merged.apply("MergeRollUps", csvFolder == null ? rollUps : rollUps.withCsvIn(csvFolder));
    }
    hourly.get(CombineHourly.REJECTS).apply("WriteRejects", WriteRejects.to(rejectsDir));
    return merged;
  }

  /**
   * The read-ahead bound of {@code --readAheadLines}, on the DirectRunner only: Spark and Flink
   * pass the read's lines to the parse step themselves, and the SparkRunner collects a read range's
   * lines before it passes any on, so a bound there would make the read wait for itself.
   */
  private static ReadAhead readAhead(HourlyMetricsOptions options) {
    return DirectRunnerMemoryCheck.appliesTo(options)
        ? ReadAhead.ofLines(options.getReadAheadLines())
        : ReadAhead.unbounded();
  }
}
