package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.mapping.MappedField;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg catalog of {@code --catalog} and the job's table in it: opened, created when missing,
 * and refused when it is not a table this job writes or has another schema.
 */
public final class TableCatalog implements Closeable {
  private static final String NAME = "eec";

  private final Catalog catalog;
  private final TableIdentifier id;
  private final String description;

  private TableCatalog(Catalog catalog, TableIdentifier id, String description) {
    this.catalog = catalog;
    this.id = id;
    this.description = description;
  }

  /** The catalog the options name, with the table of {@code --table}, on {@code warehouse}. */
  public static TableCatalog open(HourlyMetricsOptions o, String warehouse) {
    Configuration conf = hadoopConfiguration(o);
    TableIdentifier id = TableIdentifier.parse(o.getTable().trim());
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    if (o.getCatalog().trim().equals("jdbc")) {
      String uri = o.getCatalogUri().trim();
      properties.put(CatalogProperties.URI, uri);
      // Iceberg's JDBC catalog leaves a result set open when it checks for its tables at start-up,
      // which holds an SQLite lock against every other connection's commit: on an existing SQLite
      // database, skip that check (the tables exist).
      if (uri.startsWith("jdbc:sqlite:")
          && Files.exists(Paths.get(uri.substring("jdbc:sqlite:".length())))) {
        properties.put("jdbc.init-catalog-tables", "false");
      }
      JdbcCatalog jdbc = new JdbcCatalog();
      jdbc.setConf(conf);
      jdbc.initialize(NAME, properties);
      return new TableCatalog(jdbc, id, "the JDBC catalog " + uri);
    }
    HadoopCatalog hadoop = new HadoopCatalog();
    hadoop.setConf(conf);
    hadoop.initialize(NAME, properties);
    return new TableCatalog(hadoop, id, "the warehouse " + warehouse);
  }

  /**
   * Loads, while the job's class loader is open, the class Hadoop's shutdown hook needs when the
   * JVM exits: {@code flink run} closes the job's class loader before the JVM runs its shutdown
   * hooks, and the hook Iceberg's Hadoop file IO registered would fail with a NoClassDefFoundError.
   */
  private static void loadHadoopShutdownHookClasses() {
    try {
      Class.forName(
          "org.apache.hadoop.util.ShutdownHookManager$2",
          false,
          TableCatalog.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // another Hadoop version: nothing to load
    }
  }

  private static Configuration hadoopConfiguration(HourlyMetricsOptions o) {
    loadHadoopShutdownHookClasses();
    List<Configuration> given = o.as(HadoopFileSystemOptions.class).getHdfsConfiguration();
    return given == null || given.isEmpty() ? new Configuration() : new Configuration(given.get(0));
  }

  public TableIdentifier id() {
    return id;
  }

  /** The hourly table, or null when the catalog does not have it yet. */
  public Table loadIfExists() {
    return loadIfExists(id, HourlyTable.TABLE);
  }

  /** Table {@code table} of format {@code format}, or null when the catalog does not have it. */
  public Table loadIfExists(TableIdentifier table, TableFormat format) {
    try {
      return checked(table, catalog.loadTable(table), format);
    } catch (NoSuchTableException e) {
      return null;
    }
  }

  /**
   * The hourly table, created (empty) when the catalog does not have it yet. {@code fillGaps}:
   * whether it holds the estimated hours inside gaps; fixed when the table is made, and a run must
   * agree.
   */
  public Table loadOrCreate(boolean fillGaps) {
    return agreeingOnGaps(
        loadOrCreate(id, HourlyTable.TABLE, HourlyTable.newTableProperties(fillGaps)), fillGaps);
  }

  /** Table {@code table} of format {@code format}, created (empty) when missing. */
  public Table loadOrCreate(TableIdentifier table, TableFormat format, Map<String, String> props) {
    Table existing = loadIfExists(table, format);
    if (existing != null) {
      return existing;
    }
    if (catalog instanceof SupportsNamespaces) {
      SupportsNamespaces namespaces = (SupportsNamespaces) catalog;
      Namespace ns = table.namespace();
      if (!namespaces.namespaceExists(ns)) {
        try {
          namespaces.createNamespace(ns);
        } catch (AlreadyExistsException e) {
          // created meanwhile by a concurrent merge: as good
        }
      }
    }
    try {
      return checked(
          table, catalog.createTable(table, format.schema(), format.spec(), props), format);
    } catch (AlreadyExistsException e) {
      return checked(
          table, catalog.loadTable(table), format); // created meanwhile by a concurrent merge
    }
  }

  /** Whether the hourly table holds the estimated gap hours. */
  public static boolean fillsGaps(Table table) {
    return Boolean.parseBoolean(table.properties().get(HourlyTable.FILL_GAPS_PROPERTY));
  }

  private Table agreeingOnGaps(Table table, boolean fillGaps) {
    if (fillsGaps(table) != fillGaps) {
      throw new InvalidOptionException(
          "fillGaps",
          id
              + " in "
              + description
              + (fillsGaps(table)
                  ? " holds the estimated hours of gaps: pass --fillGaps=true"
                  : " was made without the estimated hours of gaps: drop --fillGaps, or merge"
                      + " into another table"));
    }
    return table;
  }

  /**
   * Refuses a table another program wrote, one of another row format, or one whose schema,
   * partitioning or name mapping is not the format's.
   */
  private Table checked(TableIdentifier tableId, Table table, TableFormat format) {
    String which = tableId + " in " + description;
    if (!format.name().equals(table.properties().get(TableFormat.FORMAT_PROPERTY))) {
      throw new InvalidOptionException(
          "table",
          which
              + " is not a table of this job (no "
              + TableFormat.FORMAT_PROPERTY
              + "="
              + format.name()
              + " property); merge into another table");
    }
    String problem = schemaProblem(table, format);
    if (problem != null) {
      throw new InvalidOptionException("table", which + " has an incompatible schema: " + problem);
    }
    List<PartitionField> fields = table.spec().fields();
    if (fields.size() != 1
        || !fields.get(0).transform().toString().equals("day")
        || !fields.get(0).name().equals(format.partitionField())) {
      throw new InvalidOptionException(
          "table", which + " is not partitioned as " + format.partitionField());
    }
    return table;
  }

  /** What makes the table's schema not the format's (a column's type or nullability), or null. */
  static String schemaProblem(Table table, TableFormat format) {
    NameMapping mapping =
        NameMappingParser.fromJson(
            table.properties().getOrDefault(TableProperties.DEFAULT_NAME_MAPPING, "[]"));
    List<String> expectedNames = new ArrayList<>();
    for (Types.NestedField expected : format.schema().columns()) {
      expectedNames.add(expected.name());
      Types.NestedField actual = table.schema().findField(expected.name());
      if (actual == null
          || !actual.type().equals(expected.type())
          || actual.isOptional() != expected.isOptional()) {
        return "column "
            + expected.name()
            + " is "
            + (actual == null
                ? "missing"
                : actual.type() + (actual.isOptional() ? " optional" : " required"))
            + ", expected "
            + expected.type()
            + (expected.isOptional() ? " optional" : " required");
      }
      MappedField mapped = mapping.find(expected.name());
      if (mapped == null || !java.util.Objects.equals(mapped.id(), actual.fieldId())) {
        return "its name mapping does not give column " + expected.name() + " its field id";
      }
    }
    List<String> actualNames = new ArrayList<>();
    table.schema().columns().forEach(c -> actualNames.add(c.name()));
    if (!actualNames.equals(expectedNames)) {
      return "columns " + actualNames + ", expected " + expectedNames;
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    if (catalog instanceof Closeable) {
      ((Closeable) catalog).close();
    }
  }
}
