package io.github.eec.pipeline.options;

import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.parse.ReadAhead;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Checks every option before the pipeline is built, so a mistake costs one clear line instead of a
 * failed cluster job. Needs {@link FileSystems#setDefaultPipelineOptions} to have been called.
 */
public final class OptionsValidator {
  private OptionsValidator() {}

  /**
   * Checks every option; returns the files {@code --input} matches (folders left out), never empty.
   */
  public static List<MatchResult.Metadata> validate(HourlyMetricsOptions o) {
    readingRules(o);
    if (o.getNumShards() < 1 || o.getNumShards() > 10_000) {
      throw new InvalidOptionException(
          "numShards", "must be between 1 and 10000, got " + o.getNumShards());
    }
    if (o.getMeterGroups() < 1 || o.getMeterGroups() > 1 << 20) {
      throw new InvalidOptionException(
          "meterGroups", "must be between 1 and 1048576, got " + o.getMeterGroups());
    }
    if (o.getReadAheadLines() != 0 && o.getReadAheadLines() < ReadAhead.MIN_LINES) {
      throw new InvalidOptionException(
          "readAheadLines",
          "must be 0 (no bound) or at least "
              + ReadAhead.MIN_LINES
              + ", got "
              + o.getReadAheadLines());
    }
    if (!(o.getMaxRejectedFraction() >= 0 && o.getMaxRejectedFraction() <= 1)) {
      throw new InvalidOptionException(
          "maxRejectedFraction",
          "must be a share between 0 and 1 (e.g. 0.05), got " + o.getMaxRejectedFraction());
    }
    if (!(o.getMaxPowerMw() > 0) || Double.isInfinite(o.getMaxPowerMw())) {
      throw new InvalidOptionException(
          "maxPowerMw", "must be a positive number of mW, got " + o.getMaxPowerMw());
    }
    if (!(o.getMaxEnergyMwh() > 0) || Double.isInfinite(o.getMaxEnergyMwh())) {
      throw new InvalidOptionException(
          "maxEnergyMwh", "must be a positive number of mWh, got " + o.getMaxEnergyMwh());
    }
    checkMergeOptions(o);
    List<MatchResult.Metadata> inputFiles = checkInput(o.getInput());
    checkOutputWritable(o.getOutput());
    return inputFiles;
  }

  private static void checkMergeOptions(HourlyMetricsOptions o) {
    if (!o.getMerge()) {
      return;
    }
    if (o.getOverwrite()) {
      throw new InvalidOptionException(
          "overwrite", "does not go with --merge: a merge adds to the table; drop --overwrite");
    }
    for (String[] option :
        new String[][] {
          {"meterRegistry", o.getMeterRegistry()}, {"touSchedule", o.getTouSchedule()}
        }) {
      if (option[1] != null && !option[1].isBlank() && !o.getFillGaps()) {
        throw new InvalidOptionException(
            option[0],
            "needs --fillGaps=true with --merge: the roll-ups are made from the table's rows, the"
                + " estimated hours of its gaps included (a table made with --fillGaps=true)");
      }
    }
    if (o.getDedupe()) {
      throw new InvalidOptionException(
          "dedupe",
          "does not go with --merge: a merge keeps each hour's totals, not its readings, so it cannot "
              + "tell a repeated reading in a later file; dedupe upstream or run plain");
    }
    String table = o.getTable() == null ? "" : o.getTable().trim();
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
      throw new InvalidOptionException(
          "table",
          "'" + o.getTable() + "' is not NAMESPACE.NAME (letters, digits, _), e.g. eec.hourly");
    }
    String catalog = o.getCatalog() == null ? "" : o.getCatalog().trim();
    if (!catalog.equals("hadoop") && !catalog.equals("jdbc")) {
      throw new InvalidOptionException(
          "catalog", "must be hadoop or jdbc, got '" + o.getCatalog() + "'");
    }
    if (catalog.equals("jdbc")
        && (o.getCatalogUri() == null || !o.getCatalogUri().startsWith("jdbc:"))) {
      throw new InvalidOptionException(
          "catalogUri", "--catalog=jdbc needs a JDBC URI, e.g. jdbc:sqlite:/data/eec/catalog.db");
    }
  }

  /** The reading rules the options give; an {@link InvalidOptionException} names a bad one. */
  public static ReadingRules readingRules(HourlyMetricsOptions o) {
    ZoneId zone = checkTimeZone(o.getTimeZone());
    Instant earliest = instant("earliestTime", o.getEarliestTime());
    Instant latest = instant("latestTime", o.getLatestTime());
    if (!earliest.isBefore(latest)) {
      throw new InvalidOptionException(
          "latestTime", "must be after --earliestTime (" + earliest + "), got " + latest);
    }
    return new ReadingRules(
        zone.getId(),
        o.getMaxPowerMw(),
        o.getMaxEnergyMwh(),
        earliest.toEpochMilli(),
        latest.toEpochMilli());
  }

  private static ZoneId checkTimeZone(String zone) {
    if (zone == null || zone.trim().isEmpty()) {
      throw new InvalidOptionException(
          "timeZone", "is empty; give a zone id such as UTC or Europe/Paris");
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw new InvalidOptionException(
          "timeZone",
          "unknown time zone '" + zone + "'; use an id such as UTC, Europe/Paris or +02:00");
    }
  }

  private static Instant instant(String option, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidOptionException(
          option, "'" + value + "' is not an ISO-8601 instant such as 2000-01-01T00:00:00Z");
    }
  }

  private static List<MatchResult.Metadata> checkInput(String input) {
    if (input == null || input.trim().isEmpty()) {
      throw new InvalidOptionException(
          "input", "is empty; give a file or glob such as 'data/sample/*'");
    }
    MatchResult match;
    try {
      match = FileSystems.match(input, EmptyMatchTreatment.ALLOW);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidOptionException("input", "cannot be listed (" + e.getMessage() + ")");
    }
    List<MatchResult.Metadata> files = new ArrayList<>();
    try {
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          if (!m.resourceId().isDirectory()) {
            files.add(m);
          }
        }
      }
    } catch (IOException e) {
      throw new InvalidOptionException("input", "cannot be listed (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw new InvalidOptionException(
          "input",
          "no file matches '" + input + "'; check the path (a folder needs a glob such as DIR/*)");
    }
    return files;
  }

  /** Creates the output folder if needed and proves it writable by writing and deleting a probe. */
  private static void checkOutputWritable(String output) {
    if (output == null || output.trim().isEmpty()) {
      throw new InvalidOptionException("output", "is empty; give a folder for the results");
    }
    try {
      ResourceId dir = FileSystems.matchNewResource(output, true);
      ResourceId probe =
          dir.resolve(
              "_write-probe",
              org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (WritableByteChannel ch = FileSystems.create(probe, MimeTypes.BINARY)) {
        ch.write(java.nio.ByteBuffer.wrap(new byte[] {'o', 'k'}));
      }
      FileSystems.delete(
          Collections.singletonList(probe), StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionException(
          "output", "'" + output + "' is not writable (" + e.getMessage() + ")");
    }
  }
}
