package io.github.eec.pipeline.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Reads the hourly rows back from the Parquet files a run published (plain output, or the table
 * files a merge wrote), only the five columns the report needs: Parquet then decodes nothing else.
 */
final class HourlyRows {
  private static final List<String> COLUMNS =
      List.of("meter", "window_start", "energy_mwh", "readings", "register_resets");

  /** Receives each row. */
  interface Visitor {
    void row(String meter, long hourStartMillis, double energyMwh, long readings, int resets);
  }

  private HourlyRows() {}

  /** Reads every file matching {@code glob} (none is fine); returns the number of files. */
  static int read(String glob, Visitor visitor) throws IOException {
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
      readFile(new BeamInputFile(file), visitor);
    }
    return files.size();
  }

  private static void readFile(BeamInputFile file, Visitor visitor) throws IOException {
    Configuration conf = new Configuration(false);
    MessageType parquetSchema;
    try (ParquetFileReader footer = ParquetFileReader.open(file)) {
      parquetSchema = footer.getFooter().getFileMetaData().getSchema();
    }
    Schema projection = project(new AvroSchemaConverter(conf).convert(parquetSchema));
    // Plain output stores hours in milliseconds, the Iceberg table in microseconds.
    long perMilli =
        nonNull(projection.getField("window_start").schema()).getLogicalType()
                instanceof LogicalTypes.TimestampMicros
            ? 1000
            : 1;
    AvroReadSupport.setRequestedProjection(conf, projection);
    AvroReadSupport.setAvroReadSchema(conf, projection);
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(file)
            .withDataModel(GenericData.get())
            .withConf(conf)
            .build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        visitor.row(
            r.get(0).toString(),
            Math.floorDiv((Long) r.get(1), perMilli),
            (Double) r.get(2),
            (Long) r.get(3),
            (Integer) r.get(4));
      }
    }
  }

  /** The file's schema cut down to {@link #COLUMNS}, in that order. */
  private static Schema project(Schema fileSchema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (String name : COLUMNS) {
      Schema.Field f = fileSchema.getField(name);
      if (f == null) {
        throw new IllegalArgumentException("not an hourly file: no column " + name);
      }
      fields.add(new Schema.Field(f.name(), f.schema(), f.doc(), (Object) null));
    }
    return Schema.createRecord(
        fileSchema.getName(), null, fileSchema.getNamespace(), false, fields);
  }

  private static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    for (Schema branch : s.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return s;
  }
}
