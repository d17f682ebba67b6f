package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.Hours;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * The merged table in one place: its Avro schema ({@code avro/hourly_table_row.avsc}), from which
 * its Iceberg schema and partitioning (UTC day of {@code window_start}) follow, and a row's record.
 * Times are microseconds, as the Iceberg specification requires of Parquet timestamps (readers
 * compare statistics in microseconds, so milliseconds would make filters on time miss rows).
 */
public final class HourlyTable {
  public static final String FORMAT = "hourly-meter-v2";

  /** "true" when the table holds a row for every hour inside a meter's gaps (--fillGaps). */
  public static final String FILL_GAPS_PROPERTY = "eec.fill-gaps";

  /** Where the merge keeps its ledger of merged input files (a file outside the table). */
  public static final String LEDGER_PROPERTY = "eec.merge.ledger";

  /** Where the merge keeps each meter's days with data (files outside the table). */
  public static final String METER_INDEX_PROPERTY = "eec.merge.meter-index";

  public static final org.apache.avro.Schema AVRO_SCHEMA = loadAvro();

  /** The table's format: its Iceberg schema and partitioning come from the Avro schema. */
  public static final TableFormat TABLE = TableFormat.of(FORMAT, AVRO_SCHEMA, "window_start");

  public static final Schema SCHEMA = TABLE.schema();

  public static final PartitionSpec SPEC = TABLE.spec();

  private HourlyTable() {}

  /** The properties a new table gets. */
  public static Map<String, String> newTableProperties(boolean fillGaps) {
    return TABLE.newTableProperties(Map.of(FILL_GAPS_PROPERTY, Boolean.toString(fillGaps)));
  }

  /** The partition folder of a day, as Iceberg names it ({@code window_start_day=2024-03-01}). */
  public static String partitionPath(int epochDay) {
    return TABLE.partitionPath(epochDay);
  }

  private static org.apache.avro.Schema loadAvro() {
    try (InputStream in = HourlyTable.class.getResourceAsStream("/avro/hourly_table_row.avsc")) {
      if (in == null) {
        throw new IllegalStateException("avro/hourly_table_row.avsc is missing from the classpath");
      }
      return new org.apache.avro.Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GenericRecord toRecord(TableHour t) {
    HourlyAccumulator a = t.accumulator();
    GenericData.Record r = new GenericData.Record(AVRO_SCHEMA);
    r.put("meter", t.meter());
    r.put("window_start", micros(t.hourStart()));
    r.put("window_end", micros(t.hourStart() + Hours.HOUR_MILLIS));
    r.put("energy_mwh", t.energyMwh());
    r.put("readings", a == null ? 0L : a.count());
    r.put("register_resets", t.registerResets());
    r.put("estimated", a == null);
    if (a != null) {
      r.put("power_min_mw", a.powerMin());
      r.put("power_max_mw", a.powerMax());
      r.put("power_mean_mw", a.powerMean());
      r.put("first_reading_at", micros(a.firstTime()));
      r.put("first_register_mwh", a.firstEnergy());
      r.put("last_reading_at", micros(a.lastTime()));
      r.put("last_register_mwh", a.lastEnergy());
      r.put("power_sum_exact", termsToBytes(a.powerSumTerms()));
    }
    r.put("prev_reading_at", t.prev() == null ? null : micros(t.prev().timeMillis()));
    r.put("prev_register_mwh", t.prev() == null ? null : t.prev().energyMwh());
    r.put("next_reading_at", t.next() == null ? null : micros(t.next().timeMillis()));
    r.put("next_register_mwh", t.next() == null ? null : t.next().energyMwh());
    return r;
  }

  public static TableHour fromRecord(GenericRecord r) {
    Anchor prev = anchor(r.get("prev_reading_at"), r.get("prev_register_mwh"));
    Anchor next = anchor(r.get("next_reading_at"), r.get("next_register_mwh"));
    if ((Boolean) r.get("estimated")) {
      return TableHour.estimated(
          r.get("meter").toString(),
          millis(r.get("window_start")),
          prev,
          next,
          (Double) r.get("energy_mwh"));
    }
    HourlyAccumulator a =
        HourlyAccumulator.restore(
            (Long) r.get("readings"),
            termsFromBytes((ByteBuffer) r.get("power_sum_exact")),
            (Double) r.get("power_min_mw"),
            (Double) r.get("power_max_mw"),
            millis(r.get("first_reading_at")),
            (Double) r.get("first_register_mwh"),
            millis(r.get("last_reading_at")),
            (Double) r.get("last_register_mwh"));
    return new TableHour(
        r.get("meter").toString(),
        millis(r.get("window_start")),
        a,
        prev,
        next,
        (Double) r.get("energy_mwh"),
        (Integer) r.get("register_resets"));
  }

  private static Anchor anchor(Object micros, Object energy) {
    return micros == null ? null : new Anchor(millis(micros), (Double) energy);
  }

  private static long micros(long millis) {
    return Math.multiplyExact(millis, 1000L);
  }

  private static long millis(Object micros) {
    long us = (Long) micros;
    if (us % 1000 != 0) {
      throw new IllegalArgumentException("a time of the table is not a whole millisecond: " + us);
    }
    return us / 1000;
  }

  static ByteBuffer termsToBytes(double[] terms) {
    ByteBuffer b = ByteBuffer.allocate(8 * terms.length);
    for (double t : terms) {
      b.putDouble(t);
    }
    b.flip();
    return b;
  }

  static double[] termsFromBytes(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    if (b.remaining() % 8 != 0) {
      throw new IllegalArgumentException("power_sum_exact is not a list of doubles");
    }
    double[] terms = new double[b.remaining() / 8];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = b.getDouble();
    }
    return terms;
  }
}
