package io.github.eec.pipeline.model;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What makes a line an acceptable reading beyond its syntax: the zone of times without an offset
 * and the plausible ranges. The defaults are also the options' defaults.
 */
public final class ReadingRules implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_TIME_ZONE = "UTC";

  /** 1 GW in mW. */
  public static final double DEFAULT_MAX_POWER_MW = 1e12;

  /** 1 PWh in mWh. */
  public static final double DEFAULT_MAX_ENERGY_MWH = 1e18;

  public static final String DEFAULT_EARLIEST_TIME = "2000-01-01T00:00:00Z";
  public static final String DEFAULT_LATEST_TIME = "2100-01-01T00:00:00Z";

  private final String zoneId;
  private final double maxPowerMw;
  private final double maxEnergyMwh;
  private final long earliestMillis;
  private final long latestMillis;

  /** Throws {@link IllegalArgumentException} for an unknown zone id. */
  public ReadingRules(
      String zoneId,
      double maxPowerMw,
      double maxEnergyMwh,
      long earliestMillis,
      long latestMillis) {
    try {
      ZoneId.of(zoneId.trim());
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("unknown time zone '" + zoneId + "'");
    }
    this.zoneId = zoneId.trim();
    this.maxPowerMw = maxPowerMw;
    this.maxEnergyMwh = maxEnergyMwh;
    this.earliestMillis = earliestMillis;
    this.latestMillis = latestMillis;
  }

  /** The default rules: times without an offset in UTC, default ceilings and range. */
  public static ReadingRules defaults() {
    return new ReadingRules(
        DEFAULT_TIME_ZONE,
        DEFAULT_MAX_POWER_MW,
        DEFAULT_MAX_ENERGY_MWH,
        Instant.parse(DEFAULT_EARLIEST_TIME).toEpochMilli(),
        Instant.parse(DEFAULT_LATEST_TIME).toEpochMilli());
  }

  /** These rules with times without an offset in {@code zoneId}. */
  public ReadingRules withTimeZone(String zoneId) {
    return new ReadingRules(zoneId, maxPowerMw, maxEnergyMwh, earliestMillis, latestMillis);
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
