package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.model.HourlyMeterStats;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * A meter-hour's row as the stream emits it: the batch row and its revision (0 first, +1 each time
 * the row is emitted again with other values). The latest revision of a meter-hour is its current
 * value; a revision never stands for two different rows.
 */
@DefaultCoder(RevisedRowCoder.class)
public final class RevisedRow {
  private final HourlyMeterStats row;
  private final int revision;

  public RevisedRow(HourlyMeterStats row, int revision) {
    this.row = row;
    this.revision = revision;
  }

  public HourlyMeterStats row() {
    return row;
  }

  public int revision() {
    return revision;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevisedRow
        && revision == ((RevisedRow) o).revision
        && row.equals(((RevisedRow) o).row);
  }

  @Override
  public int hashCode() {
    return Objects.hash(row, revision);
  }

  @Override
  public String toString() {
    return "r" + revision + " " + row;
  }
}
