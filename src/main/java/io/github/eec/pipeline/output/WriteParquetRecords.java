package io.github.eec.pipeline.output;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/** Writes records of one schema as one Parquet dataset, {@code DIR/NAME-SSSSS-of-NNNNN.parquet}. */
public class WriteParquetRecords
    extends PTransform<PCollection<GenericRecord>, WriteFilesResult<Void>> {
  private final String directory;
  private final String name;
  private final String schema;
  private final int numShards;

  private WriteParquetRecords(String directory, String name, String schema, int numShards) {
    this.directory = directory;
    this.name = name;
    this.schema = schema;
    this.numShards = numShards;
  }

  /** One file, for the roll-ups: a row per meter and day, or per region and hour. */
  public static WriteParquetRecords to(String directory, String name, Schema schema) {
    return new WriteParquetRecords(directory, name, schema.toString(), 1);
  }

  public WriteParquetRecords withNumShards(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be at least 1, got " + numShards);
    }
    return new WriteParquetRecords(directory, name, schema, numShards);
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<GenericRecord> records) {
    return records.apply(
        "WriteParquetFiles",
        FileIO.<GenericRecord>write()
            .via(ParquetIO.sink(new Schema.Parser().parse(schema)))
            .to(directory)
            .withNaming(FileIO.Write.defaultNaming(name, ".parquet"))
            .withNumShards(numShards));
  }
}
