package io.github.eec.pipeline.output;

import io.github.eec.pipeline.model.HourlyMeterStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Parquet/Avro schema of the hourly metrics, kept in one place: {@code
 * avro/hourly_meter_stats.avsc}.
 */
public final class HourlyMeterStatsSchema {
  public static final Schema SCHEMA = load();

  private HourlyMeterStatsSchema() {}

  private static Schema load() {
    try (InputStream in =
        HourlyMeterStatsSchema.class.getResourceAsStream("/avro/hourly_meter_stats.avsc")) {
      if (in == null) {
        throw new IllegalStateException(
            "avro/hourly_meter_stats.avsc is missing from the classpath");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GenericRecord toRecord(HourlyMeterStats s) {
    GenericData.Record r = new GenericData.Record(SCHEMA);
    r.put("meter", s.meter());
    r.put("window_start", s.windowStart());
    r.put("window_end", s.windowEnd());
    r.put("energy_mwh", s.energyMwh());
    r.put("power_min_mw", s.isEstimated() ? null : s.powerMinMw());
    r.put("power_max_mw", s.isEstimated() ? null : s.powerMaxMw());
    r.put("power_mean_mw", s.isEstimated() ? null : s.powerMeanMw());
    r.put("readings", s.readings());
    r.put("register_resets", s.registerResets());
    r.put("estimated", s.isEstimated());
    return r;
  }

  public static HourlyMeterStats fromRecord(GenericRecord r) {
    String meter = r.get("meter").toString();
    long start = (Long) r.get("window_start");
    long end = (Long) r.get("window_end");
    Object estimated = r.getSchema().getField("estimated") == null ? null : r.get("estimated");
    if (Boolean.TRUE.equals(estimated)) {
      return HourlyMeterStats.estimated(meter, start, end, (Double) r.get("energy_mwh"));
    }
    return new HourlyMeterStats(
        meter,
        start,
        end,
        (Double) r.get("energy_mwh"),
        (Double) r.get("power_min_mw"),
        (Double) r.get("power_max_mw"),
        (Double) r.get("power_mean_mw"),
        (Long) r.get("readings"),
        (Integer) r.get("register_resets"));
  }
}
