package io.github.eec.pipeline.model;

/**
 * The one hour of the job: the windows, the pre-combining per bundle and the energy rule all use
 * it.
 */
public final class Hours {
  public static final long HOUR_MILLIS = 3_600_000L;

  private Hours() {}

  /** Start of the UTC hour that holds {@code timeMillis} (epoch millis). */
  public static long hourStart(long timeMillis) {
    return Math.floorDiv(timeMillis, HOUR_MILLIS) * HOUR_MILLIS;
  }
}
