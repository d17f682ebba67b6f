package io.github.eec.pipeline.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The input files of a merge sorted by the ledger: new ones to merge, ones merged before (same size
 * and SHA-256, under any path) to skip, and ones whose path was merged before with other content,
 * which only an explicit option merges.
 */
public final class MergeInputs {
  private final List<MatchResult.Metadata> toMerge = new ArrayList<>();
  private final List<InputLedger.Entry> newEntries = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> changed = new ArrayList<>();
  private final List<MatchResult.Metadata> changedFiles = new ArrayList<>();
  private final List<InputLedger.Entry> changedEntries = new ArrayList<>();

  private MergeInputs() {}

  /** {@code sha256}: of each of {@code files}, in order. */
  public static MergeInputs classify(
      List<MatchResult.Metadata> files, List<String> sha256, InputLedger ledger, String runId) {
    MergeInputs m = new MergeInputs();
    Map<String, String> inThisRun = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      MatchResult.Metadata f = files.get(i);
      String path = f.resourceId().toString();
      long size = f.sizeBytes();
      String sum = sha256.get(i);
      InputLedger.Entry before = ledger.withContent(size, sum);
      String same = inThisRun.putIfAbsent(size + ":" + sum, path);
      if (before != null) {
        m.skipped.add(
            before.path.equals(path) ? path : path + " (merged before as " + before.path + ")");
      } else if (same != null) {
        m.skipped.add(path + " (same content as " + same + " in this run)");
      } else {
        InputLedger.Entry entry = new InputLedger.Entry(path, size, sum, runId);
        InputLedger.Entry atPath = ledger.atPath(path);
        if (atPath != null) {
          m.changed.add(
              path
                  + " was merged before (run "
                  + atPath.runId
                  + ", "
                  + atPath.size
                  + " bytes, sha256 "
                  + atPath.sha256.substring(0, 12)
                  + "...) and now has other content ("
                  + size
                  + " bytes, sha256 "
                  + sum.substring(0, 12)
                  + "...)");
          m.changedFiles.add(f);
          m.changedEntries.add(entry);
        } else {
          m.toMerge.add(f);
          m.newEntries.add(entry);
        }
      }
    }
    return m;
  }

  /** The files to read: the new ones, and with {@code mergeChanged} the changed ones too. */
  public List<MatchResult.Metadata> toMerge(boolean mergeChanged) {
    List<MatchResult.Metadata> all = new ArrayList<>(toMerge);
    if (mergeChanged) {
      all.addAll(changedFiles);
    }
    return all;
  }

  /** The ledger entries of {@link #toMerge(boolean)}. */
  public List<InputLedger.Entry> newEntries(boolean mergeChanged) {
    List<InputLedger.Entry> all = new ArrayList<>(newEntries);
    if (mergeChanged) {
      all.addAll(changedEntries);
    }
    return all;
  }

  public List<String> skipped() {
    return skipped;
  }

  /** One line for each changed file. */
  public List<String> changed() {
    return changed;
  }
}
