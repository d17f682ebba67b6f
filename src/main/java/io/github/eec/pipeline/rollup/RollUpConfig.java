package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.registry.MeterRegistry;
import java.util.List;

/**
 * What the roll-ups of a run use: the meter registry and the time-of-use schedule, each optional.
 */
public final class RollUpConfig {
  private final MeterRegistry registry;
  private final TouSchedule schedule;

  public RollUpConfig(MeterRegistry registry, TouSchedule schedule) {
    this.registry = registry;
    this.schedule = schedule;
  }

  public static RollUpConfig none() {
    return new RollUpConfig(null, null);
  }

  /**
   * The registry, or null: then every meter's days are UTC days, and there are no regional
   * roll-ups.
   */
  public MeterRegistry registry() {
    return registry;
  }

  /** The schedule, or null: then the daily roll-up has no per-period energies. */
  public TouSchedule schedule() {
    return schedule;
  }

  public List<String> attributes() {
    return registry == null ? List.of() : registry.attributeNames();
  }
}
