package io.github.eec.pipeline.report;

import io.github.eec.pipeline.output.AvroUnions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads some columns of the Parquet files a run published (plain output, or the table files a merge
 * wrote): Parquet then decodes nothing else. Each record holds the columns in the order asked for.
 */
final class ProjectedParquet {

  private ProjectedParquet() {}

  /**
   * Reads every non-empty file matching {@code glob} (none is fine); returns the number of files.
   */
  static int read(String glob, List<String> columns, Consumer<GenericRecord> rows)
      throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    List<MatchResult.Metadata> files = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata m : match.metadata()) {
        if (!m.resourceId().isDirectory() && m.sizeBytes() > 0) {
          files.add(m);
        }
      }
    }
    for (MatchResult.Metadata file : files) {
      readFile(new BeamInputFile(file), columns, rows);
    }
    return files.size();
  }

  /**
   * How many units of {@code column}'s timestamps make a millisecond: plain output stores hours in
   * milliseconds, the Iceberg tables in microseconds.
   */
  static long perMilli(GenericRecord row, int column) {
    return AvroUnions.nonNull(row.getSchema().getFields().get(column).schema()).getLogicalType()
            instanceof LogicalTypes.TimestampMicros
        ? 1000
        : 1;
  }

  private static void readFile(
      BeamInputFile file, List<String> columns, Consumer<GenericRecord> rows) throws IOException {
    Configuration conf = new Configuration(false);
    MessageType parquetSchema;
    try (ParquetFileReader footer = ParquetFileReader.open(file)) {
      parquetSchema = footer.getFooter().getFileMetaData().getSchema();
    }
    Schema projection = project(new AvroSchemaConverter(conf).convert(parquetSchema), columns);
    AvroReadSupport.setRequestedProjection(conf, projection);
    AvroReadSupport.setAvroReadSchema(conf, projection);
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(file)
            .withDataModel(GenericData.get())
            .withConf(conf)
            .build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        rows.accept(r);
      }
    }
  }

  /** The file's schema cut down to {@code columns}, in that order. */
  private static Schema project(Schema fileSchema, List<String> columns) {
    List<Schema.Field> fields = new ArrayList<>();
    for (String name : columns) {
      Schema.Field f = fileSchema.getField(name);
      if (f == null) {
        throw new IllegalArgumentException("no column " + name + " in " + fileSchema.getName());
      }
      fields.add(new Schema.Field(f.name(), f.schema(), f.doc(), (Object) null));
    }
    return Schema.createRecord(
        fileSchema.getName(), null, fileSchema.getNamespace(), false, fields);
  }
}
