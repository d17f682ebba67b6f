package io.github.eec.tools.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * Roll-up rows as text lines that compare exactly, whoever wrote them: a plain run's Parquet folder
 * (read with parquet-avro) or a merged roll-up table (read with Iceberg's generic reader, not the
 * job's code). Each line is {@code column=value} for every column in order: doubles in Java's
 * shortest round-trip form, timestamps in epoch millis, dates in epoch days, nulls as {@code null};
 * the lines come sorted.
 */
public final class RollUpRows {
  private RollUpRows() {}

  /** The roll-ups a plain run writes, as folders, and a merge, as tables NAME_ROLLUP. */
  public static final List<String> ROLL_UPS = List.of("daily", "regional_hourly", "regional_daily");

  /**
   * Checks that the roll-up tables of {@code table} (a Hadoop catalog on {@code warehouse}) hold
   * exactly the plain run's roll-ups in {@code plainOutput}, none of them empty.
   */
  public static void checkSame(Path plainOutput, String warehouse, String table, String what)
      throws IOException {
    for (String rollUp : ROLL_UPS) {
      List<String> plain = ofParquet(plainOutput.resolve(rollUp));
      if (plain.isEmpty()) {
        throw new AssertionError(what + ": the plain run wrote no " + rollUp + " rows");
      }
      List<String> merged = ofTable(TableRows.load(warehouse, table + "_" + rollUp));
      if (!plain.equals(merged)) {
        List<String> onlyPlain = new ArrayList<>(plain);
        onlyPlain.removeAll(merged);
        List<String> onlyMerged = new ArrayList<>(merged);
        onlyMerged.removeAll(plain);
        throw new AssertionError(
            String.format(
                "%s: %s: the plain run has %,d rows, the table %,d; only in the plain run: %s;"
                    + " only in the table: %s",
                what,
                rollUp,
                plain.size(),
                merged.size(),
                onlyPlain.subList(0, Math.min(3, onlyPlain.size())),
                onlyMerged.subList(0, Math.min(3, onlyMerged.size()))));
      }
    }
  }

  /** A plain run's roll-up folder (its timestamps are millis, its dates epoch days). */
  public static List<String> ofParquet(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (GenericRecord r : ParquetRows.records(dir)) {
      StringBuilder sb = new StringBuilder();
      for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
        Object v = r.get(f.pos());
        sb.append(f.name()).append('=').append(v == null ? "null" : v.toString()).append(';');
      }
      lines.add(sb.toString());
    }
    Collections.sort(lines);
    return lines;
  }

  /** The current version of a roll-up table. */
  public static List<String> ofTable(Table table) throws IOException {
    table.refresh();
    List<String> lines = new ArrayList<>();
    if (table.currentSnapshot() == null) {
      return lines;
    }
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record r : records) {
        StringBuilder sb = new StringBuilder();
        for (Types.NestedField f : table.schema().columns()) {
          Object v = r.getField(f.name());
          if (v instanceof OffsetDateTime) {
            v = ((OffsetDateTime) v).toInstant().toEpochMilli();
          } else if (v instanceof LocalDate) {
            v = ((LocalDate) v).toEpochDay();
          }
          sb.append(f.name()).append('=').append(v == null ? "null" : v.toString()).append(';');
        }
        lines.add(sb.toString());
      }
    }
    Collections.sort(lines);
    return lines;
  }
}
