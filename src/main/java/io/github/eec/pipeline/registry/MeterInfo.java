package io.github.eec.pipeline.registry;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What the meter registry says of one meter: its region, its time zone (where its days begin) and
 * its further attributes, in the registry's column order.
 */
@DefaultCoder(MeterInfoCoder.class)
public final class MeterInfo implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String region;
  private final String timeZone;
  private final String[] attributes;

  public MeterInfo(String region, String timeZone, List<String> attributes) {
    this.region = region;
    this.timeZone = timeZone;
    this.attributes = attributes.toArray(new String[0]);
  }

  public String region() {
    return region;
  }

  public String timeZone() {
    return timeZone;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** The values of the registry's further columns, in their order. */
  public List<String> attributes() {
    return List.of(attributes);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MeterInfo)) {
      return false;
    }
    MeterInfo m = (MeterInfo) o;
    return region.equals(m.region)
        && timeZone.equals(m.timeZone)
        && Arrays.equals(attributes, m.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, timeZone, Arrays.hashCode(attributes));
  }

  @Override
  public String toString() {
    return "MeterInfo{" + region + ", " + timeZone + ", " + Arrays.toString(attributes) + "}";
  }
}
