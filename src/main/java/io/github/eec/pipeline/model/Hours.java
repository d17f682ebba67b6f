package io.github.eec.pipeline.model;

/**
 * The one hour of the job: the windows, the pre-combining per bundle and the energy rule all use
 * it.
 */
public final class Hours {
  public static final long HOUR_MILLIS = 3_600_000L;

  public static final long DAY_MILLIS = 24 * HOUR_MILLIS;

  private Hours() {}

  /** Start of the UTC hour that holds {@code timeMillis} (epoch millis). */
  public static long hourStart(long timeMillis) {
    return Math.floorDiv(timeMillis, HOUR_MILLIS) * HOUR_MILLIS;
  }

  /** The UTC day (days since 1970-01-01) of {@code timeMillis}: the tables' partitions. */
  public static int epochDay(long timeMillis) {
    return (int) Math.floorDiv(timeMillis, DAY_MILLIS);
  }
}
