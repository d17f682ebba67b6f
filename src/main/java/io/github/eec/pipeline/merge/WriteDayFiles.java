package io.github.eec.pipeline.merge;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes rows as a table's Parquet data files, one folder per day as Iceberg lays out the
 * partitions ({@code DATA/window_start_day=2024-03-01/PREFIX-SSSSS-of-NNNNN.parquet}): each file
 * lies wholly in one partition, and the prefix (with the merge's run id) keeps every merge's files
 * apart from the files of the table versions readers may still be reading. Nothing is visible
 * before the commit.
 */
public class WriteDayFiles<T> extends PTransform<PCollection<T>, WriteFilesResult<Integer>> {
  private final String dataLocation;
  private final TableFormat format;
  private final String prefix;
  private final SerializableFunction<T, Integer> day;
  private final SerializableFunction<T, GenericRecord> toRecord;
  private final int numShards;

  private WriteDayFiles(
      String dataLocation,
      TableFormat format,
      String prefix,
      SerializableFunction<T, Integer> day,
      SerializableFunction<T, GenericRecord> toRecord,
      int numShards) {
    this.dataLocation = dataLocation.endsWith("/") ? dataLocation : dataLocation + "/";
    this.format = format;
    this.prefix = prefix;
    this.day = day;
    this.toRecord = toRecord;
    this.numShards = numShards;
  }

  /**
   * Rows of {@code format}'s table into {@code dataLocation} (the table's data folder), each in the
   * partition of its {@code day}, as {@code toRecord} makes them, in files named {@code prefix-*}.
   */
  public static <T> WriteDayFiles<T> of(
      String dataLocation,
      TableFormat format,
      String prefix,
      SerializableFunction<T, Integer> day,
      SerializableFunction<T, GenericRecord> toRecord) {
    return new WriteDayFiles<>(dataLocation, format, prefix, day, toRecord, 1);
  }

  /** Files per day. */
  public WriteDayFiles<T> withNumShards(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be at least 1, got " + numShards);
    }
    return new WriteDayFiles<>(dataLocation, format, prefix, day, toRecord, numShards);
  }

  @Override
  public WriteFilesResult<Integer> expand(PCollection<T> rows) {
    String base = dataLocation;
    TableFormat f = format;
    String p = prefix;
    return rows.apply(
        "WriteDayFiles",
        FileIO.<Integer, T>writeDynamic()
            .by(day)
            .withDestinationCoder(VarIntCoder.of())
            .via(Contextful.fn(toRecord), ParquetIO.sink(format.avro()))
            .withTempDirectory(base)
            .withNaming(
                d ->
                    FileIO.Write.relativeFileNaming(
                        StaticValueProvider.of(base + f.partitionPath(d) + "/"),
                        FileIO.Write.defaultNaming(p, ".parquet")))
            .withNumShards(numShards));
  }
}
