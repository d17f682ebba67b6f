package io.github.eec.tools.generator;

import java.util.SplittableRandom;

/**
 * The power drawn by one simulated meter over time: a base load shaped by a daily and a weekly
 * profile, slow random noise and occasional appliance spikes. Every random choice comes from the
 * meter's own stream, so a meter behaves the same whatever else is generated.
 *
 * <p>Only {@code StrictMath} and table interpolation are used, so results are the same on every
 * JVM.
 */
final class MeterLoadModel {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;

  /** Power is capped at 30 kW so the energy arithmetic (µW × ms) never overflows a long. */
  static final long MAX_POWER_MICROWATTS = 30_000_000_000L;

  /** A household's relative load by hour of day (index 24 repeats index 0 for interpolation). */
  private static final double[] RESIDENTIAL = {
    0.55, 0.50, 0.48, 0.47, 0.48, 0.55, 0.80, 1.25, 1.35, 1.00, 0.85, 0.85, 0.90, 0.85, 0.80, 0.85,
    1.00, 1.35, 1.70, 1.85, 1.70, 1.40, 1.00, 0.70, 0.55
  };

  /** A shop's or office's relative load by hour of day on a working day. */
  private static final double[] COMMERCIAL = {
    0.35, 0.33, 0.33, 0.33, 0.35, 0.45, 0.80, 1.40, 1.80, 1.90, 1.90, 1.85, 1.80, 1.85, 1.85, 1.80,
    1.60, 1.20, 0.80, 0.55, 0.45, 0.40, 0.38, 0.36, 0.35
  };

  private final SplittableRandom rnd;
  private final double[] profile;
  private final double baseMw;
  private final double amplitude;
  private final long phaseMillis;
  private final double weekendLevel;
  private final double weekendAmplitude;
  private final double rho;
  private final double innovation;
  private final double spikeChancePerShape;
  private final double spikeMinMw;
  private final double spikeMaxMw;
  private final long spikeMinMillis;
  private final long spikeMaxMillis;

  private double noise;
  private long spikeEnd = Long.MIN_VALUE;
  private double spikeMw;

  MeterLoadModel(SplittableRandom rnd, long periodMillis) {
    this.rnd = rnd;
    boolean commercial = rnd.nextDouble() < 0.15;
    profile = commercial ? COMMERCIAL : RESIDENTIAL;
    double z = normal(rnd);
    baseMw =
        commercial ? 1_500_000.0 * StrictMath.exp(0.5 * z) : 300_000.0 * StrictMath.exp(0.4 * z);
    amplitude = 0.6 + 0.8 * rnd.nextDouble();
    phaseMillis = rnd.nextLong(-90 * 60_000L, 90 * 60_000L + 1);
    weekendLevel = commercial ? 0.45 : 1.1;
    weekendAmplitude = commercial ? 0.1 : 0.8;
    double sigma = 0.05 + 0.15 * rnd.nextDouble();
    rho = StrictMath.exp(-(double) periodMillis / (5 * 60_000.0));
    innovation = sigma * StrictMath.sqrt(1 - rho * rho);
    noise = sigma * normal(rnd);
    // Appliances (kettle, oven, heat pump, machines) switch on more often when the load is high.
    double spikesPerHour = commercial ? 0.2 + 0.8 * rnd.nextDouble() : 0.3 + 0.9 * rnd.nextDouble();
    spikeChancePerShape = spikesPerHour * periodMillis / HOUR;
    spikeMinMw = commercial ? 1_000_000 : 800_000;
    spikeMaxMw = commercial ? 5_000_000 : 3_000_000;
    spikeMinMillis = commercial ? 60_000 : 20_000;
    spikeMaxMillis = commercial ? 30 * 60_000 : 10 * 60_000;
  }

  /**
   * The power at time {@code t} in µW (printed as mW with 3 decimals); call with increasing times.
   */
  long powerMicrowatts(long t) {
    long local = t + phaseMillis;
    long day = Math.floorDiv(local, DAY);
    boolean weekend = Math.floorMod(day + 3, 7) >= 5; // epoch day 0 was a Thursday; 5, 6 = Sat, Sun
    double x = (local - day * DAY) * (1.0 / HOUR);
    int h = (int) x;
    double shape = profile[h] + (x - h) * (profile[h + 1] - profile[h]);
    double amp = weekend ? amplitude * weekendAmplitude : amplitude;
    double level = weekend ? weekendLevel : 1.0;
    noise = rho * noise + innovation * normal(rnd);
    double mw = baseMw * level * (1 + amp * (shape - 1)) * Math.max(0.0, 1 + noise);
    if (t >= spikeEnd && rnd.nextDouble() < spikeChancePerShape * shape) {
      spikeMw = spikeMinMw + (spikeMaxMw - spikeMinMw) * rnd.nextDouble();
      spikeEnd = t + rnd.nextLong(spikeMinMillis, spikeMaxMillis + 1);
    }
    if (t < spikeEnd) {
      mw += spikeMw;
    }
    long micro = Math.round(mw * 1000.0);
    return Math.max(0, Math.min(MAX_POWER_MICROWATTS, micro));
  }

  /** An approximately standard normal number (sum of four uniforms), cheap and JVM-independent. */
  private static double normal(SplittableRandom rnd) {
    return (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 2.0)
        * 1.7320508075688772;
  }
}
