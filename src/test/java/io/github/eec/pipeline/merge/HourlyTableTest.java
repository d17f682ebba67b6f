package io.github.eec.pipeline.merge;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyAccumulator;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.junit.Test;

/** A table row survives its Avro record and its coder; the Avro and Iceberg schemas agree. */
public class HourlyTableTest {
  private static TableHour row(Anchor prev, Anchor next) {
    HourlyAccumulator a = HourlyAccumulator.of(1_709_301_600_000L + 61_000, 1e9 + 0.125, 1e16);
    a.add(1_709_301_600_000L + 3_000_000, 1e9 + 7.5, 1.0); // two exact-sum terms
    a.add(1_709_301_600_000L + 3_100_000, 1e9 + 9.5, 0.1);
    return new TableHour("Zähler-1", 1_709_301_600_000L, a, prev, next, 123.456, 1);
  }

  @Test
  public void recordRoundTrip() {
    for (TableHour t :
        new TableHour[] {
          row(null, null),
          row(new Anchor(1_709_301_500_000L, 999_999.5), new Anchor(1_709_305_300_000L, 1e9 + 20))
        }) {
      assertEquals(t, HourlyTable.fromRecord(HourlyTable.toRecord(t)));
      assertEquals(
          t.accumulator().powerSum(),
          HourlyTable.fromRecord(HourlyTable.toRecord(t)).accumulator().powerSum(),
          0);
    }
  }

  @Test
  public void coder() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(TableHourCoder.of(), row(null, new Anchor(5, 6)));
    CoderProperties.coderDeterministic(TableHourCoder.of(), row(null, null), row(null, null));
  }

  @Test
  public void avroAndIcebergSchemasNameTheSameColumnsInTheSameOrder() {
    assertEquals(
        HourlyTable.SCHEMA.columns().stream()
            .map(f -> f.name())
            .collect(java.util.stream.Collectors.toList()),
        HourlyTable.AVRO_SCHEMA.getFields().stream()
            .map(f -> f.name())
            .collect(java.util.stream.Collectors.toList()));
    // The Avro schema maps to the Iceberg types except for timestamps (Avro has no zone flag).
    assertEquals(
        HourlyTable.SCHEMA.columns().size(),
        AvroSchemaUtil.toIceberg(HourlyTable.AVRO_SCHEMA).columns().size());
  }

  @Test
  public void fieldIdsAreThePositionsIcebergGivesAtCreationSoTheNameMappingFits() {
    for (int i = 0; i < HourlyTable.SCHEMA.columns().size(); i++) {
      assertEquals(i + 1, HourlyTable.SCHEMA.columns().get(i).fieldId());
    }
  }

  @Test
  public void anEstimatedRowRoundTrips() throws Exception {
    TableHour gap =
        TableHour.estimated(
            "M",
            1_709_301_600_000L,
            new Anchor(1_709_290_000_000L, 5),
            new Anchor(1_709_310_000_000L, 9),
            0.25);
    assertEquals(gap, HourlyTable.fromRecord(HourlyTable.toRecord(gap)));
    assertEquals(gap.stats(), HourlyTable.fromRecord(HourlyTable.toRecord(gap)).stats());
    CoderProperties.coderDecodeEncodeEqual(TableHourCoder.of(), gap);
  }
}
