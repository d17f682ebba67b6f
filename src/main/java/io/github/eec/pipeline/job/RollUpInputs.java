package io.github.eec.pipeline.job;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.options.HourlyMetricsOptions;
import io.github.eec.pipeline.options.OptionsValidator;
import io.github.eec.pipeline.registry.MeterRegistry;
import io.github.eec.pipeline.rollup.RollUpConfig;
import io.github.eec.pipeline.rollup.RollUpSchemas;
import io.github.eec.pipeline.rollup.TouSchedule;

/**
 * The roll-ups' inputs the options name, read and checked before the run starts: a broken registry
 * or schedule stops it with one line naming the file, the line and the problem.
 */
final class RollUpInputs {
  private RollUpInputs() {}

  static RollUpConfig of(HourlyMetricsOptions options) {
    ReadingRules rules = OptionsValidator.readingRules(options);
    MeterRegistry registry =
        blank(options.getMeterRegistry())
            ? null
            : MeterRegistry.read(
                options.getMeterRegistry().trim(),
                RollUpSchemas.DAILY_COLUMNS,
                rules.earliestMillis(),
                rules.latestMillis());
    TouSchedule schedule =
        blank(options.getTouSchedule()) ? null : TouSchedule.read(options.getTouSchedule().trim());
    return new RollUpConfig(registry, schedule);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
