package io.github.eec.pipeline.merge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The meter index as files: Avro records (meter, day ranges), written by the pipeline of each merge
 * next to the table and found through a table property, so the merge that commits a table version
 * also commits the index that goes with it.
 */
public final class MeterIndexFiles {
  public static final Schema SCHEMA = load();

  /** Index files of one merge: a handful per merge, whatever the number of meters. */
  private static final int SHARDS = 2;

  private MeterIndexFiles() {}

  private static Schema load() {
    try (InputStream in = MeterIndexFiles.class.getResourceAsStream("/avro/meter_days.avsc")) {
      if (in == null) {
        throw new IllegalStateException("avro/meter_days.avsc is missing from the classpath");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GenericRecord toRecord(KV<String, MeterDays> meter) {
    GenericData.Record r = new GenericData.Record(SCHEMA);
    r.put("meter", meter.getKey());
    List<Integer> bounds = new ArrayList<>();
    for (int b : meter.getValue().ranges()) {
      bounds.add(b);
    }
    r.put("day_ranges", bounds);
    return r;
  }

  @SuppressWarnings("unchecked")
  static KV<String, MeterDays> fromRecord(GenericRecord r) {
    List<Integer> bounds = (List<Integer>) r.get("day_ranges");
    int[] ranges = new int[bounds.size()];
    for (int i = 0; i < ranges.length; i++) {
      ranges[i] = bounds.get(i);
    }
    return KV.of(r.get("meter").toString(), MeterDays.ofRanges(ranges));
  }

  /** The files a merge writes with {@code prefix}: what the table property points to. */
  public static String glob(String prefix) {
    return prefix + "-*.avro";
  }

  /** Writes the index as {@code PREFIX-SSSSS-of-NNNNN.avro}. */
  public static PTransform<PCollection<KV<String, MeterDays>>, PDone> write(String prefix) {
    return new PTransform<>() {
      @Override
      public PDone expand(PCollection<KV<String, MeterDays>> index) {
        return index
            .apply(
                "ToIndexRecords",
                MapElements.into(TypeDescriptor.of(GenericRecord.class))
                    .via(MeterIndexFiles::toRecord))
            .setCoder(AvroCoder.of(SCHEMA))
            .apply(
                "WriteIndexFiles",
                AvroIO.writeGenericRecords(SCHEMA)
                    .to(prefix)
                    .withSuffix(".avro")
                    .withNumShards(SHARDS));
      }
    };
  }
}
