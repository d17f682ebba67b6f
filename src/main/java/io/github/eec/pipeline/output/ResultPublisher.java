package io.github.eec.pipeline.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Keeps the output folder either untouched or complete. A run writes into {@code
 * OUTPUT/_staging-RUNID/}; only after it has succeeded are its files moved to {@code OUTPUT/hourly}
 * and {@code OUTPUT/rejects} and {@code OUTPUT/_SUCCESS} written. A failed or killed run leaves at
 * most a {@code _staging-*} folder, which Spark, Hadoop and the documented DuckDB/pandas paths
 * ignore, and which the next run with the same output removes.
 *
 * <p>Uses Beam's {@link FileSystems}, so it works on every file system the job can write to. On
 * object stores a move is a copy, so publishing is not instantaneous there: {@code _SUCCESS} is
 * written last and removed first, and is what a reader should wait for.
 */
public final class ResultPublisher {
  public static final String HOURLY = "hourly";
  public static final String REJECTS = "rejects";
  public static final String SUCCESS_MARKER = "_SUCCESS";
  private static final String STAGING_PREFIX = "_staging-";

  private final ResourceId output;
  private final ResourceId staging;

  public ResultPublisher(String output) {
    this.output = FileSystems.matchNewResource(output, true);
    this.staging =
        this.output.resolve(
            STAGING_PREFIX + UUID.randomUUID(), StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** Where the run writes: a folder of this run's own staging area. */
  public String stagingDir(String name) {
    return staging.resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
  }

  /** A file of this run's staging area (kept with the rejects when there were too many). */
  public String stagingFile(String name) {
    return staging.resolve(name, StandardResolveOptions.RESOLVE_FILE).toString();
  }

  /** A file directly in the output folder. */
  public String outputFile(String name) {
    return output.resolve(name, StandardResolveOptions.RESOLVE_FILE).toString();
  }

  public String finalDir(String name) {
    return output.resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
  }

  /** Files of an earlier run's published results, none if there are none. */
  public List<ResourceId> publishedFiles() throws IOException {
    List<ResourceId> existing = new ArrayList<>();
    existing.addAll(files(finalDir(HOURLY) + "*"));
    existing.addAll(files(finalDir(REJECTS) + "*"));
    return existing;
  }

  /**
   * Whether the folder holds a plain run's published results ({@code hourly/} or {@code _SUCCESS}).
   */
  public boolean hasPlainResults() throws IOException {
    return !files(finalDir(HOURLY) + "*").isEmpty()
        || !files(output.resolve(SUCCESS_MARKER, StandardResolveOptions.RESOLVE_FILE).toString())
            .isEmpty();
  }

  /** Whether the folder holds the state of merges (a plain run must not write over it). */
  public boolean holdsMergedTable() throws IOException {
    return !files(output.toString() + "merge-state/**").isEmpty();
  }

  /**
   * Moves this run's staged folder {@code name} into {@code dir} (a merge's own rejects or CSV
   * folder).
   */
  public void publishTo(String name, String dir) throws IOException {
    List<ResourceId> staged = files(stagingDir(name) + "*");
    List<ResourceId> targets = new ArrayList<>();
    ResourceId target = FileSystems.matchNewResource(dir, true);
    for (ResourceId file : staged) {
      targets.add(target.resolve(file.getFilename(), StandardResolveOptions.RESOLVE_FILE));
    }
    FileSystems.rename(staged, targets);
  }

  /** Deletes every file below {@code dir} (a merge's rejects when its commit failed). */
  public static void deleteFolder(String dir) throws IOException {
    deleteTree(dir);
  }

  /** Removes what killed or failed runs left in their staging folders. */
  public void removeLeftoverStaging() throws IOException {
    deleteTree(output.toString() + STAGING_PREFIX + "*");
  }

  /** Deletes a file directly in the output folder, if it is there. */
  public void deleteOutputFile(String name) throws IOException {
    delete(files(outputFile(name)));
  }

  /** Moves the staged files of the given folders into place, replacing what was there. */
  public void publish(String... names) throws IOException {
    delete(files(output.resolve(SUCCESS_MARKER, StandardResolveOptions.RESOLVE_FILE).toString()));
    for (String name : names) {
      delete(files(finalDir(name) + "*"));
      List<ResourceId> staged = files(stagingDir(name) + "*");
      List<ResourceId> targets = new ArrayList<>();
      ResourceId target = FileSystems.matchNewResource(finalDir(name), true);
      for (ResourceId file : staged) {
        targets.add(target.resolve(file.getFilename(), StandardResolveOptions.RESOLVE_FILE));
      }
      FileSystems.rename(staged, targets);
    }
    ResourceId marker = output.resolve(SUCCESS_MARKER, StandardResolveOptions.RESOLVE_FILE);
    try (WritableByteChannel ch = FileSystems.create(marker, MimeTypes.TEXT)) {
      ch.write(
          ByteBuffer.wrap(
              ("published " + String.join(", ", names) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Removes this run's staging area (after publishing, or after a failure). */
  public void cleanUp() throws IOException {
    deleteTree(staging.toString());
  }

  /**
   * Deletes every file below the folders matching {@code dirGlob}, and on local disks the folders.
   */
  private static void deleteTree(String dirGlob) throws IOException {
    String base = dirGlob.endsWith("/") ? dirGlob : dirGlob + "/";
    delete(files(base + "**"));
    // Object stores have no folders; HDFS keeps empty ones, hidden by their '_' prefix.
    ResourceId probe = FileSystems.matchNewResource(base, true);
    if ("file".equals(probe.getScheme())) {
      Path glob = Paths.get(probe.toString());
      Path parent = glob.getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        return;
      }
      PathMatcher matcher = parent.getFileSystem().getPathMatcher("glob:" + glob.getFileName());
      try (Stream<Path> children = Files.list(parent)) {
        for (Path dir :
            children.filter(c -> matcher.matches(c.getFileName())).collect(Collectors.toList())) {
          try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    }
  }

  private static List<ResourceId> files(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    List<ResourceId> out = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata m : match.metadata()) {
        if (!m.resourceId().isDirectory()) {
          out.add(m.resourceId());
        }
      }
    }
    return out;
  }

  private static void delete(List<ResourceId> files) throws IOException {
    if (!files.isEmpty()) {
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
