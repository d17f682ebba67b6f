package io.github.eec.pipeline.merge;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the merge pipeline needs to know of the table as it was when the merge started: the data
 * files of each day, where the meter index is, and where this merge writes.
 */
public final class MergePlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final String dataLocation;
  private final HashMap<Integer, List<String>> filesByDay;
  private final String meterIndexGlob;
  private final String newMeterIndexPrefix;

  /**
   * @param runId unique for this merge: in every file name it writes
   * @param dataLocation the table's data folder, which holds a folder per day
   * @param filesByDay the current data files of each day (epoch day) of the table
   * @param meterIndexGlob the current meter index files, or null when the table has none yet
   * @param newMeterIndexPrefix where this merge writes the new meter index (a file prefix)
   */
  public MergePlan(
      String runId,
      String dataLocation,
      Map<Integer, List<String>> filesByDay,
      String meterIndexGlob,
      String newMeterIndexPrefix) {
    this.runId = runId;
    this.dataLocation = dataLocation;
    this.filesByDay = new HashMap<>(filesByDay);
    this.meterIndexGlob = meterIndexGlob;
    this.newMeterIndexPrefix = newMeterIndexPrefix;
  }

  public String runId() {
    return runId;
  }

  public String dataLocation() {
    return dataLocation;
  }

  public List<String> filesOf(int day) {
    return filesByDay.getOrDefault(day, List.of());
  }

  public String meterIndexGlob() {
    return meterIndexGlob;
  }

  public String newMeterIndexPrefix() {
    return newMeterIndexPrefix;
  }
}
