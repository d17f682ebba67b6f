package io.github.eec.pipeline.report;

import io.github.eec.pipeline.counters.RunSummary;
import io.github.eec.pipeline.options.OptionsParser;
import io.github.eec.pipeline.output.HourlyMeterStatsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * The published output of a large plain run, written directly as the job's Parquet schema: many
 * meters in seconds (the DirectRunner takes minutes for 10,000), with a missing hour in a hundred,
 * a duplicated reading in fifty, a reset in five hundred and one implausible value, so the report
 * has something to show.
 */
final class SyntheticRun {
  private SyntheticRun() {}

  /** Writes {@code meters} × {@code hours} rows to {@code output/hourly/}; returns the record. */
  static RunRecord write(Path output, int meters, int hours) throws IOException {
    Path hourly = Files.createDirectories(output.resolve("hourly"));
    Files.createDirectories(output.resolve("rejects"));
    Files.writeString(output.resolve("rejects/rejects-00000-of-00001.jsonl"), "");
    SplittableRandom random = new SplittableRandom(meters);
    long start = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    int shards = 4;
    List<ParquetWriter<GenericRecord>> writers = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      writers.add(
          AvroParquetWriter.<GenericRecord>builder(
                  HadoopOutputFile.fromPath(
                      new org.apache.hadoop.fs.Path(
                          hourly
                              .resolve(String.format("hourly-%05d-of-%05d.parquet", s, shards))
                              .toUri()),
                      new Configuration()))
              .withSchema(HourlyMeterStatsSchema.SCHEMA)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .build());
    }
    for (int m = 0; m < meters; m++) {
      String meter = String.format("MTR-%06d", m);
      for (int h = 0; h < hours; h++) {
        if (random.nextInt(100) == 0) {
          continue;
        }
        long t = start + h * 3_600_000L;
        GenericRecord r = new GenericData.Record(HourlyMeterStatsSchema.SCHEMA);
        r.put("meter", meter);
        r.put("window_start", t);
        r.put("window_end", t + 3_600_000L);
        r.put("energy_mwh", m == 7 && h == 20 ? 1e15 : 300_000 * (0.5 + random.nextDouble()));
        r.put("power_min_mw", 1.0);
        r.put("power_max_mw", 2.0);
        r.put("power_mean_mw", 1.5);
        r.put("readings", random.nextInt(50) == 0 ? 5L : 4L);
        r.put("register_resets", random.nextInt(500) == 0 ? 1 : 0);
        r.put("estimated", false);
        writers.get(m % shards).write(r);
      }
    }
    for (ParquetWriter<GenericRecord> w : writers) {
      w.close();
    }
    return RunRecord.plain(
            OptionsParser.parse("--input=/data/in/*.csv", "--output=" + output),
            Instant.parse("2024-03-03T01:00:00Z"))
        .finished(Instant.parse("2024-03-03T01:02:00Z"), RunSummary.empty())
        .withHourlyFiles(hourly + "/*.parquet")
        .withRejects(output.resolve("rejects").toString())
        .writeTo(output.resolve("report.html").toString());
  }
}
