package io.github.eec.pipeline.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Guards the output folder before a run. Shards are assigned at random, so a rerun does not
 * necessarily rewrite every file of the previous run: left-over files would duplicate rows. Hence
 * existing results are either refused or, with --overwrite, deleted first.
 */
public final class OutputLocation {
  private OutputLocation() {}

  /** Files of an earlier run in the given folders (through Beam's FileSystems: local, hdfs, s3). */
  public static List<ResourceId> existingResults(String... dirs) throws IOException {
    List<ResourceId> found = new ArrayList<>();
    for (String dir : dirs) {
      String glob = dir.endsWith("/") ? dir + "*" : dir + "/*";
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          found.add(m.resourceId());
        }
      }
    }
    return found;
  }

  /**
   * Makes the folders ready for a run: fails if they hold results and {@code overwrite} is false,
   * deletes those results if it is true.
   */
  public static void prepare(boolean overwrite, String... dirs) throws IOException {
    List<ResourceId> existing = existingResults(dirs);
    if (existing.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw new IllegalArgumentException(
          "--output already holds " + existing.size() + " result file(s) of an earlier run (e.g. "
              + existing.get(0) + "); pass --overwrite=true to replace them, or choose another --output");
    }
    FileSystems.delete(existing, StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
