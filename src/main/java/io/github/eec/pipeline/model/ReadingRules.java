package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.OptionsValidator;
import java.io.Serializable;
import java.time.ZoneId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

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
    HourlyMetricsOptions defaults = PipelineOptionsFactory.as(HourlyMetricsOptions.class);
    defaults.setTimeZone(zoneId);
    return from(defaults);
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
