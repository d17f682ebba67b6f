package io.github.eec.pipeline.merge;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The hourly table's rows of some UTC days (epoch days), as the version the merge started from has
 * them: each day's data files, read in parallel.
 */
public class ReadTableDays extends PTransform<PCollection<Integer>, PCollection<TableHour>> {
  private final MergePlan plan;

  private ReadTableDays(MergePlan plan) {
    this.plan = plan;
  }

  public static ReadTableDays of(MergePlan plan) {
    return new ReadTableDays(plan);
  }

  @Override
  public PCollection<TableHour> expand(PCollection<Integer> days) {
    return days.apply("FilesOfTheDays", ParDo.of(new FilesOfDayFn(plan)))
        .apply("MatchTableFiles", FileIO.matchAll())
        .apply("OpenTableFiles", FileIO.readMatches())
        .apply("ReadTableRows", ParquetIO.readFiles(HourlyTable.AVRO_SCHEMA))
        .apply(
            "ToTableHours",
            MapElements.into(TypeDescriptor.of(TableHour.class))
                .via((GenericRecord r) -> HourlyTable.fromRecord(r)));
  }

  /** A day to the table's data files of that day (none for a day the table does not have yet). */
  static class FilesOfDayFn extends DoFn<Integer, String> {
    private final MergePlan plan;

    FilesOfDayFn(MergePlan plan) {
      this.plan = plan;
    }

    @ProcessElement
    public void process(@Element Integer day, OutputReceiver<String> out) {
      for (String file : plan.filesOf(day)) {
        out.output(file);
      }
    }
  }
}
