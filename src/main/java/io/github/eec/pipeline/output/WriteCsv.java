package io.github.eec.pipeline.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes records as one CSV file with a header, {@code DIR/NAME.csv}: the form spreadsheets and BI
 * tools import without help. Times are ISO-8601 UTC instants, dates ISO dates, numbers in Java's
 * shortest round-trip form (so the file holds exactly the Parquet's values), nulls empty fields,
 * text quoted where RFC 4180 needs it. Rows come in no particular order.
 */
public class WriteCsv extends PTransform<PCollection<GenericRecord>, PDone> {
  private final String directory;
  private final String name;
  private final String schema;

  private WriteCsv(String directory, String name, String schema) {
    this.directory = directory;
    this.name = name;
    this.schema = schema;
  }

  public static WriteCsv to(String directory, String name, Schema schema) {
    return new WriteCsv(directory, name, schema.toString());
  }

  @Override
  public PDone expand(PCollection<GenericRecord> records) {
    Schema s = new Schema.Parser().parse(schema);
    List<String> header = new ArrayList<>();
    s.getFields().forEach(f -> header.add(f.name()));
    return records
        .apply("ToCsvLines", MapElements.into(TypeDescriptors.strings()).via(new LineFn()))
        .apply(
            "WriteCsvFile",
            TextIO.write()
                .to(
                    FileSystems.matchNewResource(directory, true)
                        .resolve(name, StandardResolveOptions.RESOLVE_FILE)
                        .toString())
                .withSuffix(".csv")
                .withoutSharding()
                .withHeader(line(header)));
  }

  static String line(List<?> values) {
    try {
      return CSVFormat.RFC4180.format(values.toArray());
    } catch (UncheckedIOException e) {
      throw e;
    }
  }

  /** One record as a CSV line. */
  static class LineFn implements SerializableFunction<GenericRecord, String> {
    @Override
    public String apply(GenericRecord r) {
      List<String> values = new ArrayList<>();
      for (Schema.Field f : r.getSchema().getFields()) {
        values.add(text(r.get(f.pos()), f.schema()));
      }
      return line(values);
    }
  }

  static String text(Object value, Schema schema) {
    if (value == null) {
      return "";
    }
    Schema s = schema;
    if (s.getType() == Schema.Type.UNION) {
      for (Schema branch : s.getTypes()) {
        if (branch.getType() != Schema.Type.NULL) {
          s = branch;
        }
      }
    }
    LogicalType logical = s.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return Instant.ofEpochMilli((Long) value).toString();
    }
    if (logical instanceof LogicalTypes.Date) {
      return LocalDate.ofEpochDay((Integer) value).toString();
    }
    return value.toString();
  }

  /** For tests: one record's line. */
  static String lineOf(GenericRecord r) throws IOException {
    return new LineFn().apply(r);
  }
}
