package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.OptionsValidator;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/** What makes a line an acceptable reading beyond its syntax: zone of local times and plausible ranges. */
public final class ReadingRules implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String zoneId;
  private final double maxPowerMw;
  private final double maxEnergyMwh;
  private final long earliestMillis;
  private final long latestMillis;

  public ReadingRules(String zoneId, double maxPowerMw, double maxEnergyMwh, long earliestMillis, long latestMillis) {
    OptionsValidator.checkTimeZone(zoneId);
    this.zoneId = zoneId.trim();
    this.maxPowerMw = maxPowerMw;
    this.maxEnergyMwh = maxEnergyMwh;
    this.earliestMillis = earliestMillis;
    this.latestMillis = latestMillis;
  }

  /** The defaults of {@link HourlyMetricsOptions} in the given zone. */
  public static ReadingRules defaults(String zoneId) {
    return new ReadingRules(
        zoneId,
        1e10,
        1e15,
        Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
  }

  public static ReadingRules from(HourlyMetricsOptions o) {
    return new ReadingRules(
        o.getTimeZone(),
        o.getMaxPowerMw(),
        o.getMaxEnergyMwh(),
        OptionsValidator.instant("earliestTime", o.getEarliestTime()).toEpochMilli(),
        OptionsValidator.instant("latestTime", o.getLatestTime()).toEpochMilli());
  }

  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }

  public double maxPowerMw() {
    return maxPowerMw;
  }

  public double maxEnergyMwh() {
    return maxEnergyMwh;
  }

  public long earliestMillis() {
    return earliestMillis;
  }

  public long latestMillis() {
    return latestMillis;
  }
}
