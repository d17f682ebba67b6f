package io.github.eec.pipeline.report;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.RejectReason;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the page shows beyond the run's record, gathered from the run's outputs in one pass each.
 */
final class ReportData {
  static final int EXAMPLES_PER_REASON = 3;

  /** At most this much of the rejects is read for examples. */
  static final long EXAMPLE_BYTES = 64L * 1024 * 1024;

  final HourlyTally tally;
  final Coverage coverage;
  final RejectExamples rejects;
  final int hourlyFiles;

  /** Null when the run had no meter registry. */
  final RegionalLoad regions;

  ReportData(
      HourlyTally tally,
      int hourlyFiles,
      RejectExamples rejects,
      boolean merge,
      RegionalLoad regions) {
    this.regions = regions;
    this.tally = tally;
    this.hourlyFiles = hourlyFiles;
    this.coverage = Coverage.of(tally, merge);
    this.rejects = rejects;
  }

  static ReportData gather(RunRecord run) throws IOException {
    HourlyTally tally = new HourlyTally();
    int files = run.hourlyFiles() == null ? 0 : HourlyRows.read(run.hourlyFiles(), tally);
    Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
    for (RejectReason r : RejectReason.values()) {
      if (run.summary().get(CounterNames.rejected(r)) > 0) {
        reasons.add(r);
      }
    }
    RejectExamples rejects =
        RejectExamples.read(run.rejectsDir(), reasons, EXAMPLES_PER_REASON, EXAMPLE_BYTES);
    RegionalLoad regions =
        run.regionalHourlyFiles() == null ? null : RegionalLoad.read(run.regionalHourlyFiles());
    return new ReportData(tally, files, rejects, run.isMerge(), regions);
  }
}
