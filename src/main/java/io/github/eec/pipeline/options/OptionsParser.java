package io.github.eec.pipeline.options;

import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** The command line to {@link HourlyMetricsOptions}, with the runner's defaults, parsed once. */
public final class OptionsParser {
  private OptionsParser() {}

  /**
   * Parses and checks {@code args} the way Beam does (unknown options, bad values, unknown runners,
   * missing required options); any of those is an {@link InvalidOptionException}.
   */
  public static HourlyMetricsOptions parse(String... args) {
    PipelineOptionsFactory.register(HourlyMetricsOptions.class);
    try {
      return PipelineOptionsFactory.fromArgs(RunnerDefaults.addTo(args))
          .withValidation()
          .as(HourlyMetricsOptions.class);
    } catch (IllegalArgumentException e) {
      throw InvalidOptionException.fromBeam(culprit(args), e);
    }
  }

  /**
   * The argument Beam refused, found by parsing each on its own: Beam's message for a value of the
   * wrong type ("Cannot deserialize value of type `int` from String ...") does not name it.
   */
  private static String culprit(String[] args) {
    for (String arg : args) {
      try {
        PipelineOptionsFactory.fromArgs(arg).as(HourlyMetricsOptions.class);
      } catch (IllegalArgumentException e) {
        return arg;
      }
    }
    return null;
  }
}
