package io.github.eec.pipeline.rollup;

import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The roll-ups' Parquet schemas in one place. The daily one has a column per registry attribute and
 * per time-of-use period, so it is built for a run from its registry and schedule.
 */
public final class RollUpSchemas {
  /** The daily roll-up's own columns: a registry attribute may not take one of these names. */
  public static final Set<String> DAILY_COLUMNS =
      Set.of(
          "meter",
          "local_date",
          "time_zone",
          "energy_mwh",
          "readings",
          "hours_with_readings",
          "hours_estimated",
          "hours_in_day",
          "peak_hour_energy_mwh",
          "peak_hour_start",
          "power_min_mw",
          "power_max_mw",
          "region");

  private RollUpSchemas() {}

  private static Schema date() {
    return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
  }

  private static Schema timestamp() {
    return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  }

  private static Schema nullable(Schema s) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), s);
  }

  /** {@code tou_<period>_mwh}: the column of a time-of-use period's energy. */
  public static String periodColumn(String period) {
    return "tou_" + period + "_mwh";
  }

  public static Schema daily(List<String> attributes, List<String> periods) {
    SchemaBuilder.FieldAssembler<Schema> f =
        SchemaBuilder.record("DailyMeterStats")
            .namespace("io.github.eec.pipeline")
            .doc("Energy and power of one meter for one day in its own time zone.")
            .fields()
            .name("meter")
            .type()
            .stringType()
            .noDefault()
            .name("local_date")
            .type(date())
            .noDefault()
            .name("time_zone")
            .type()
            .stringType()
            .noDefault()
            .name("energy_mwh")
            .type()
            .doubleType()
            .noDefault()
            .name("readings")
            .type()
            .longType()
            .noDefault()
            .name("hours_with_readings")
            .type()
            .intType()
            .noDefault()
            .name("hours_estimated")
            .type()
            .intType()
            .noDefault()
            .name("hours_in_day")
            .type()
            .intType()
            .noDefault()
            .name("peak_hour_energy_mwh")
            .type()
            .doubleType()
            .noDefault()
            .name("peak_hour_start")
            .type(timestamp())
            .noDefault()
            .name("power_min_mw")
            .type(nullable(Schema.create(Schema.Type.DOUBLE)))
            .withDefault(null)
            .name("power_max_mw")
            .type(nullable(Schema.create(Schema.Type.DOUBLE)))
            .withDefault(null)
            .name("region")
            .type(nullable(Schema.create(Schema.Type.STRING)))
            .withDefault(null);
    for (String a : attributes) {
      f = f.name(a).type(nullable(Schema.create(Schema.Type.STRING))).withDefault(null);
    }
    for (String p : periods) {
      f = f.name(periodColumn(p)).type().doubleType().noDefault();
    }
    return f.endRecord();
  }

  public static Schema regionalHourly() {
    return SchemaBuilder.record("RegionalHourlyStats")
        .namespace("io.github.eec.pipeline")
        .doc("Energy of a region's meters for one UTC hour.")
        .fields()
        .name("region")
        .type(nullable(Schema.create(Schema.Type.STRING)))
        .withDefault(null)
        .name("window_start")
        .type(timestamp())
        .noDefault()
        .name("window_end")
        .type(timestamp())
        .noDefault()
        .name("energy_mwh")
        .type()
        .doubleType()
        .noDefault()
        .name("meters_reporting")
        .type()
        .longType()
        .noDefault()
        .name("readings")
        .type()
        .longType()
        .noDefault()
        .endRecord();
  }

  public static Schema regionalDaily() {
    return SchemaBuilder.record("RegionalDailyStats")
        .namespace("io.github.eec.pipeline")
        .doc("Energy of a region's meters for one local day, and how many reported.")
        .fields()
        .name("region")
        .type(nullable(Schema.create(Schema.Type.STRING)))
        .withDefault(null)
        .name("local_date")
        .type(date())
        .noDefault()
        .name("energy_mwh")
        .type()
        .doubleType()
        .noDefault()
        .name("meters_reporting")
        .type()
        .longType()
        .noDefault()
        .name("meters_in_registry")
        .type()
        .longType()
        .noDefault()
        .name("completeness_pct")
        .type(nullable(Schema.create(Schema.Type.DOUBLE)))
        .withDefault(null)
        .endRecord();
  }
}
