package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.output.AvroUnions;
import io.github.eec.pipeline.rollup.RollUpConfig;
import io.github.eec.pipeline.rollup.RollUpSchemas;
import io.github.eec.pipeline.rollup.RollUps;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The roll-up tables of a merged table, next to it in its catalog: {@code NAME_daily} and, with a
 * registry, {@code NAME_regional_hourly} and {@code NAME_regional_daily}; the columns of the plain
 * run's roll-ups (timestamps in microseconds), partitioned by day ({@code local_date} or {@code
 * window_start}).
 *
 * <p>Each version of a roll-up table records in its snapshot summary ({@link #SOURCE_SNAPSHOT}) the
 * hourly table's version it was made from. Iceberg commits one table at a time, so a merge killed
 * between the hourly commit and the roll-ups' leaves them behind: the next merge sees that and
 * recomputes the days the hourly versions since then rewrote ({@link #daysBehind}).
 */
public final class RollUpTables implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The hourly snapshot a roll-up table reflects. */
  public static final String SOURCE_SNAPSHOT = "eec.rollup.source-snapshot";

  /** One roll-up table: which roll-up, its id, its format. */
  public static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String rollUp;
    public final String table;
    public final TableFormat format;
    final String dayColumn;
    final String plainSchemaJson;

    Entry(String rollUp, TableIdentifier table, Schema plain, String dayColumn) {
      this.rollUp = rollUp;
      this.table = table.toString();
      this.dayColumn = dayColumn;
      this.plainSchemaJson = plain.toString();
      this.format =
          TableFormat.of("rollup-" + rollUp.replace('_', '-') + "-v1", micros(plain), dayColumn);
    }

    public TableIdentifier id() {
      return TableIdentifier.parse(table);
    }

    /** The UTC or local day (epoch day) a plain roll-up record is partitioned by. */
    public int dayOf(GenericRecord plain) {
      Object v = plain.get(dayColumn);
      return v instanceof Integer ? (Integer) v : Hours.epochDay((Long) v);
    }

    /** The file name prefix of a merge's files of this table. */
    public String filePrefix(String runId) {
      return runId + "-" + rollUp;
    }
  }

  private final List<Entry> entries;

  private RollUpTables(List<Entry> entries) {
    this.entries = entries;
  }

  /** The roll-up tables of {@code hourly} for a merge with {@code config}. */
  public static RollUpTables of(TableIdentifier hourly, RollUpConfig config) {
    List<Entry> entries = new ArrayList<>();
    List<String> periods = config.schedule() == null ? List.of() : config.schedule().periods();
    entries.add(
        new Entry(
            RollUps.DAILY,
            idOf(hourly, RollUps.DAILY),
            RollUpSchemas.daily(config.attributes(), periods),
            "local_date"));
    if (config.registry() != null) {
      entries.add(
          new Entry(
              RollUps.REGIONAL_HOURLY,
              idOf(hourly, RollUps.REGIONAL_HOURLY),
              RollUpSchemas.regionalHourly(),
              "window_start"));
      entries.add(
          new Entry(
              RollUps.REGIONAL_DAILY,
              idOf(hourly, RollUps.REGIONAL_DAILY),
              RollUpSchemas.regionalDaily(),
              "local_date"));
    }
    return new RollUpTables(entries);
  }

  static TableIdentifier idOf(TableIdentifier hourly, String rollUp) {
    return TableIdentifier.of(hourly.namespace(), hourly.name() + "_" + rollUp);
  }

  public List<Entry> entries() {
    return entries;
  }

  public Entry entry(String rollUp) {
    for (Entry e : entries) {
      if (e.rollUp.equals(rollUp)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The UTC days (epoch days) whose roll-ups {@code rollUp} (null: not made yet) lacks against the
   * hourly table at snapshot {@code hourlySnapshot}: the days of the data files the hourly versions
   * since its source snapshot added, or every day of the table when that version is not among the
   * current one's ancestors (a new roll-up table, or history expired).
   */
  public static Set<Integer> daysBehind(Table hourly, Long hourlySnapshot, Table rollUp)
      throws IOException {
    Set<Integer> days = new TreeSet<>();
    if (hourlySnapshot == null) {
      return days;
    }
    String source =
        rollUp == null || rollUp.currentSnapshot() == null
            ? null
            : rollUp.currentSnapshot().summary().get(SOURCE_SNAPSHOT);
    Map<Long, Snapshot> chain = new LinkedHashMap<>();
    for (Snapshot s = hourly.snapshot(hourlySnapshot);
        s != null;
        s = s.parentId() == null ? null : hourly.snapshot(s.parentId())) {
      if (source != null && Long.toString(s.snapshotId()).equals(source)) {
        for (Snapshot newer : chain.values()) {
          for (DataFile f : newer.addedDataFiles(hourly.io())) {
            days.add(TableCommits.dayOf(f));
          }
        }
        return days;
      }
      chain.put(s.snapshotId(), s);
    }
    days.addAll(TableCommits.filesOf(hourly, hourlySnapshot).pathsByDay().keySet());
    return days;
  }

  /** A roll-up's plain schema with its timestamps in microseconds, as Iceberg tables need. */
  static Schema micros(Schema s) {
    switch (s.getType()) {
      case RECORD:
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : s.getFields()) {
          fields.add(new Schema.Field(f.name(), micros(f.schema()), f.doc(), f.defaultVal()));
        }
        return Schema.createRecord(s.getName(), s.getDoc(), s.getNamespace(), false, fields);
      case UNION:
        List<Schema> branches = new ArrayList<>();
        for (Schema b : s.getTypes()) {
          branches.add(micros(b));
        }
        return Schema.createUnion(branches);
      case LONG:
        if (isTimestampMillis(s)) {
          Schema t = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
          t.addProp("adjust-to-utc", true);
          return t;
        }
        return s;
      default:
        return s;
    }
  }

  private static boolean isTimestampMillis(Schema s) {
    LogicalType t = s.getLogicalType();
    return t != null && t.getName().equals(LogicalTypes.timestampMillis().getName());
  }

  /** A plain roll-up record as a row of its table: the same values, timestamps in microseconds. */
  static GenericRecord toTableRecord(GenericRecord plain, Schema table) {
    GenericData.Record r = new GenericData.Record(table);
    for (Schema.Field f : plain.getSchema().getFields()) {
      Object v = plain.get(f.pos());
      if (v instanceof Long && isTimestampMillis(AvroUnions.nonNull(f.schema()))) {
        v = Math.multiplyExact((Long) v, 1000L);
      }
      r.put(f.name(), v);
    }
    return r;
  }
}
