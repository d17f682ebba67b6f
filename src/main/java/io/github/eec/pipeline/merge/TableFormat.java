package io.github.eec.pipeline.merge;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.TypeUtil;

/**
 * One kind of table this job writes: its format name (the table property {@code eec.table-format}
 * that marks it as the job's), its Iceberg schema, its partitioning by the day of one column, and
 * the Avro schema the pipeline writes its Parquet files with. The files are Beam's ParquetIO's, so
 * they carry no Iceberg field ids: each table's default name mapping lets every Iceberg reader find
 * the columns by name.
 */
public final class TableFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Marks a table as one this job writes, with its row format. */
  public static final String FORMAT_PROPERTY = "eec.table-format";

  private final String name;
  private final String avroJson;
  private final String dayColumn;
  private transient Schema schema;
  private transient org.apache.avro.Schema avro;

  private TableFormat(String name, org.apache.avro.Schema avro, String dayColumn) {
    this.name = name;
    this.avroJson = avro.toString();
    this.dayColumn = dayColumn;
  }

  /**
   * A format from the Avro schema its files are written with (timestamps in microseconds, as the
   * Iceberg specification requires, marked {@code adjust-to-utc}), partitioned by the day of {@code
   * dayColumn} (a date or a timestamp).
   */
  public static TableFormat of(String name, org.apache.avro.Schema avro, String dayColumn) {
    return new TableFormat(name, avro, dayColumn);
  }

  public String name() {
    return name;
  }

  /** The Iceberg schema; its field ids are the columns' positions, as Iceberg keeps them. */
  public Schema schema() {
    if (schema == null) {
      // the ids Iceberg gives the columns when it creates the table, in their order from 1
      AtomicInteger lastId = new AtomicInteger();
      schema = TypeUtil.assignFreshIds(AvroSchemaUtil.toIceberg(avro()), lastId::incrementAndGet);
    }
    return schema;
  }

  public org.apache.avro.Schema avro() {
    if (avro == null) {
      avro = new org.apache.avro.Schema.Parser().parse(avroJson);
    }
    return avro;
  }

  public PartitionSpec spec() {
    return PartitionSpec.builderFor(schema()).day(dayColumn, partitionField()).build();
  }

  /** The partition field, {@code <column>_day}; also the name of each partition's folder. */
  public String partitionField() {
    return dayColumn + "_day";
  }

  /** The partition folder of a day, as Iceberg names it ({@code local_date_day=2024-03-01}). */
  public String partitionPath(int epochDay) {
    return partitionField() + "=" + LocalDate.ofEpochDay(epochDay);
  }

  /** The properties a new table of this format gets, and {@code more}. */
  public Map<String, String> newTableProperties(Map<String, String> more) {
    Map<String, String> p = new HashMap<>(more);
    p.put(FORMAT_PROPERTY, name);
    p.put(TableProperties.FORMAT_VERSION, "2");
    p.put(
        TableProperties.DEFAULT_NAME_MAPPING,
        NameMappingParser.toJson(MappingUtil.create(schema())));
    // Old metadata files are not needed once a newer one exists; snapshots keep the history.
    p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
    return p;
  }
}
