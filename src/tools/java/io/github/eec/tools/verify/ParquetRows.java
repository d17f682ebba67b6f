package io.github.eec.tools.verify;

import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.output.HourlyMeterStatsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Reads Parquet output back with parquet-avro, a real Parquet reader independent of Beam. */
public final class ParquetRows {
  private ParquetRows() {}

  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  public static List<GenericRecord> records(Path dir) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    for (Path file : files(dir)) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  HadoopInputFile.fromPath(
                      new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
              .build()) {
        for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
          out.add(r);
        }
      }
    }
    return out;
  }

  public static List<HourlyMeterStats> rows(Path dir) throws IOException {
    return records(dir).stream()
        .map(HourlyMeterStatsSchema::fromRecord)
        .collect(Collectors.toList());
  }

  /** The Parquet schema of one file as written (column names, physical and logical types). */
  public static MessageType parquetSchema(Path file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  public static Schema avroSchema(Path dir) throws IOException {
    return records(dir).get(0).getSchema();
  }
}
