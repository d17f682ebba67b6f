package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.model.ExactSum;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.registry.MeterInfo;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * One meter's hours to its local days. A day's energy is the exact sum (rounded once) of the
 * energies of the UTC hours that make up the day in the meter's zone (23 or 25 of them when the
 * clocks change), measured hours and the estimated ones of its gaps alike: the interpolated
 * register difference over the day, clamped to the meter's data at its edges, so the days add up to
 * the meter's consumption. A meter the registry does not list has its days in UTC and no
 * attributes.
 */
public final class DailyRollUp {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private DailyRollUp() {}

  /** {@code rows}: every hour of the meter, measured and estimated, in time order. */
  public static List<GenericRecord> days(
      String meter,
      List<HourlyMeterStats> rows,
      MeterInfo info,
      TouSchedule schedule,
      Schema schema) {
    ZoneId zone = info == null ? UTC : info.zone();
    List<GenericRecord> out = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      int date = LocalDays.localDate(rows.get(i).windowStart(), zone);
      ExactSum energy = new ExactSum();
      long readings = 0;
      int measured = 0;
      int estimated = 0;
      HourlyMeterStats peak = null;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      ExactSum[] tou = new ExactSum[schedule == null ? 0 : schedule.periods().size()];
      for (int p = 0; p < tou.length; p++) {
        tou[p] = new ExactSum();
      }
      for (; i < rows.size() && LocalDays.localDate(rows.get(i).windowStart(), zone) == date; i++) {
        HourlyMeterStats r = rows.get(i);
        energy.add(r.energyMwh());
        readings += r.readings();
        if (peak == null || r.energyMwh() > peak.energyMwh()) {
          peak = r;
        }
        if (r.isEstimated()) {
          estimated++;
        } else {
          measured++;
          min = Math.min(min, r.powerMinMw());
          max = Math.max(max, r.powerMaxMw());
        }
        if (schedule != null) {
          long h = r.windowStart();
          tou[schedule.periodOf(LocalDays.dayOfWeek(h, zone), LocalDays.localHour(h, zone))].add(
              r.energyMwh());
        }
      }
      GenericData.Record d = new GenericData.Record(schema);
      d.put("meter", meter);
      d.put("local_date", date);
      d.put("time_zone", zone.getId());
      d.put("energy_mwh", energy.value());
      d.put("readings", readings);
      d.put("hours_with_readings", measured);
      d.put("hours_estimated", estimated);
      d.put("hours_in_day", LocalDays.hoursInDay(date, zone));
      d.put("peak_hour_energy_mwh", peak.energyMwh());
      d.put("peak_hour_start", peak.windowStart());
      d.put("power_min_mw", measured > 0 ? min : null);
      d.put("power_max_mw", measured > 0 ? max : null);
      d.put("region", info == null ? null : info.region());
      int field = schema.getField("region").pos() + 1;
      List<String> attributes = info == null ? null : info.attributes();
      for (int a = 0; field < schema.getFields().size() - tou.length; a++, field++) {
        d.put(field, attributes == null ? null : attributes.get(a));
      }
      for (int p = 0; p < tou.length; p++) {
        d.put(RollUpSchemas.periodColumn(schedule.periods().get(p)), tou[p].value());
      }
      out.add(d);
    }
    return out;
  }
}
