package io.github.eec.pipeline.merge;

import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.InvalidOptionException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
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

  /** The table, or null when the catalog does not have it yet. */
  public Table loadIfExists() {
    try {
      return checked(catalog.loadTable(id));
    } catch (NoSuchTableException e) {
      return null;
    }
  }

  /**
   * The table, created (empty) when the catalog does not have it yet. {@code fillGaps}: whether it
   * holds the estimated hours inside gaps; fixed when the table is made, and a run must agree.
   */
  public Table loadOrCreate(boolean fillGaps) {
    Table table = loadIfExists();
    if (table != null) {
      return agreeingOnGaps(table, fillGaps);
    }
    if (catalog instanceof SupportsNamespaces) {
      SupportsNamespaces namespaces = (SupportsNamespaces) catalog;
      Namespace ns = id.namespace();
      if (!namespaces.namespaceExists(ns)) {
        try {
          namespaces.createNamespace(ns);
        } catch (AlreadyExistsException e) {
          // created meanwhile by a concurrent merge: as good
        }
      }
    }
    try {
      return catalog.createTable(
          id, HourlyTable.SCHEMA, HourlyTable.SPEC, HourlyTable.newTableProperties(fillGaps));
    } catch (AlreadyExistsException e) {
      // created meanwhile by a concurrent merge
      return agreeingOnGaps(checked(catalog.loadTable(id)), fillGaps);
    }
  }

  /** Whether the table holds the estimated gap hours. */
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

  /** Refuses a table another program wrote, or one of another row format. */
  private Table checked(Table table) {
    String where = "--table: " + id + " in " + description;
    if (!HourlyTable.FORMAT.equals(table.properties().get(HourlyTable.FORMAT_PROPERTY))) {
      throw new InvalidOptionException(
          "table",
          id
              + " in "
              + description
              + " is not a table of this job (no "
              + HourlyTable.FORMAT_PROPERTY
              + "="
              + HourlyTable.FORMAT
              + " property); merge into another table");
    }
    for (Types.NestedField expected : HourlyTable.SCHEMA.columns()) {
      Types.NestedField actual = table.schema().findField(expected.name());
      if (actual == null
          || !actual.type().equals(expected.type())
          || actual.isOptional() != expected.isOptional()) {
        throw new InvalidOptionException(
            "table",
            id
                + " in "
                + description
                + " has an incompatible schema: column "
                + expected.name()
                + " is "
                + (actual == null
                    ? "missing"
                    : actual.type() + (actual.isOptional() ? " optional" : " required"))
                + ", expected "
                + expected.type()
                + (expected.isOptional() ? " optional" : " required"));
      }
    }
    List<PartitionField> fields = table.spec().fields();
    if (fields.size() != 1 || !fields.get(0).transform().toString().equals("day")) {
      throw new InvalidOptionException(
          "table", where + " is not partitioned by the day of window_start");
    }
    return table;
  }

  @Override
  public void close() throws IOException {
    if (catalog instanceof Closeable) {
      ((Closeable) catalog).close();
    }
  }
}
