package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.output.HourlyMeterStatsSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The stream's Parquet schema: the batch job's hourly schema, one column more: {@code revision}.
 */
public final class RevisedRowSchema {
  public static final Schema SCHEMA = build();

  private RevisedRowSchema() {}

  private static Schema build() {
    Schema batch = HourlyMeterStatsSchema.SCHEMA;
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : batch.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field(
            "revision",
            Schema.create(Schema.Type.INT),
            "0 for a meter-hour's first row, +1 each time it is restated; the latest is current.",
            0));
    return Schema.createRecord(
        "HourlyMeterStatsRevision", batch.getDoc(), batch.getNamespace(), false, fields);
  }

  public static GenericRecord toRecord(RevisedRow r) {
    GenericRecord batch = HourlyMeterStatsSchema.toRecord(r.row());
    GenericData.Record out = new GenericData.Record(SCHEMA);
    for (Schema.Field f : batch.getSchema().getFields()) {
      out.put(f.name(), batch.get(f.pos()));
    }
    out.put("revision", r.revision());
    return out;
  }

  public static RevisedRow fromRecord(GenericRecord r) {
    return new RevisedRow(HourlyMeterStatsSchema.fromRecord(r), (Integer) r.get("revision"));
  }
}
