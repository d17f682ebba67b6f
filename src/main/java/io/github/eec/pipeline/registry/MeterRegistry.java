package io.github.eec.pipeline.registry;

import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.rollup.LocalDays;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The meter registry file ({@code --meterRegistry}): a CSV file with a header naming at least
 * {@code meter,region,time_zone}; further columns are attributes carried into the roll-ups. It is
 * read and checked whole before the pipeline starts, so a broken registry stops the run with one
 * line naming the file, the line and the problem; the pipeline then reads it again, in parallel, to
 * join it with the rows ({@link ReadMeterRegistry}).
 */
public final class MeterRegistry implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final List<String> REQUIRED = List.of("meter", "region", "time_zone");

  /** Lines are CSV records on one line each, so that the pipeline can read the file in ranges. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).build();

  private final String location;
  private final String headerLine;
  private final List<String> columns;
  private final List<String> attributeNames;
  private final TreeMap<String, Long> metersByRegion;
  private final long meters;
  private final int meterColumn;
  private final int regionColumn;
  private final int zoneColumn;
  private final int[] attributeColumns;

  private MeterRegistry(
      String location,
      String headerLine,
      List<String> columns,
      List<String> attributeNames,
      TreeMap<String, Long> metersByRegion,
      long meters) {
    this.location = location;
    this.headerLine = headerLine;
    this.columns = columns;
    this.attributeNames = attributeNames;
    this.metersByRegion = metersByRegion;
    this.meters = meters;
    this.meterColumn = columns.indexOf("meter");
    this.regionColumn = columns.indexOf("region");
    this.zoneColumn = columns.indexOf("time_zone");
    this.attributeColumns = attributeNames.stream().mapToInt(columns::indexOf).toArray();
  }

  public String location() {
    return location;
  }

  /** The header line exactly as in the file (the pipeline skips it wherever it meets it). */
  public String headerLine() {
    return headerLine;
  }

  /** The columns after meter, region and time_zone, in the file's order. */
  public List<String> attributeNames() {
    return attributeNames;
  }

  /** How many meters the registry lists in each region. */
  public Map<String, Long> metersByRegion() {
    return metersByRegion;
  }

  public long meters() {
    return meters;
  }

  /** The meter and its info of one registry line (a line the registry was checked to hold). */
  public Map.Entry<String, MeterInfo> parse(String line) throws IOException {
    List<String> f = split(line);
    if (f == null) {
      throw new IOException("not one CSV record: " + line);
    }
    return Map.entry(f.get(meterColumn), info(f));
  }

  private MeterInfo info(List<String> fields) {
    List<String> attributes = new ArrayList<>(attributeColumns.length);
    for (int c : attributeColumns) {
      attributes.add(fields.get(c));
    }
    return new MeterInfo(fields.get(regionColumn), fields.get(zoneColumn), attributes);
  }

  /**
   * The fields of one line, as {@link #FORMAT} reads them, or null when it is not one record.
   * Written by hand for lines without a quote (nearly all): a commons-csv parser for each line cost
   * most of a million-meter registry's check and parse. Splitting on commas and trimming is what
   * RFC 4180 with trimming gives for them; quoted lines go through commons-csv.
   */
  static List<String> split(String line) throws IOException {
    if (line.indexOf('"') < 0) {
      List<String> out = new ArrayList<>(8);
      int start = 0;
      for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', start)) {
        out.add(line.substring(start, i).trim());
        start = i + 1;
      }
      out.add(line.substring(start).trim());
      return out;
    }
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return null;
      }
      List<String> out = new ArrayList<>();
      records.get(0).forEach(out::add);
      return out;
    }
  }

  /**
   * Reads and checks the registry at {@code location}. {@code reserved} are the output columns an
   * attribute may not be named like; zones must keep whole-hour offsets from {@code from} to {@code
   * to} (epoch millis), the times readings may have.
   */
  public static MeterRegistry read(String location, Set<String> reserved, long from, long to) {
    List<MatchResult.Metadata> files;
    try {
      MatchResult match = FileSystems.match(location, EmptyMatchTreatment.ALLOW);
      files = match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
    } catch (IOException | IllegalArgumentException e) {
      throw error(location, 0, "cannot be read (" + e.getMessage() + ")");
    }
    if (files.size() != 1) {
      throw error(
          location,
          0,
          files.isEmpty() ? "no such file" : "matches " + files.size() + " files, give one");
    }
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Channels.newInputStream(FileSystems.open(files.get(0).resourceId())),
                StandardCharsets.UTF_8))) {
      String headerLine = in.readLine();
      if (headerLine == null || headerLine.isBlank()) {
        throw error(
            location, 1, "the file is empty; it needs a header line " + String.join(",", REQUIRED));
      }
      headerLine = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
      List<String> columns = new ArrayList<>();
      for (String c : fields(location, 1, headerLine)) {
        columns.add(c.toLowerCase(Locale.ROOT));
      }
      for (String required : REQUIRED) {
        if (!columns.contains(required)) {
          throw error(
              location,
              1,
              "the header has no column "
                  + required
                  + " (it needs "
                  + String.join(",", REQUIRED)
                  + ")");
        }
      }
      List<String> attributes = new ArrayList<>();
      for (String c : columns) {
        if (REQUIRED.contains(c)) {
          continue;
        }
        if (!c.matches("[a-z_][a-z0-9_]*")) {
          throw error(
              location,
              1,
              "column '"
                  + c
                  + "' is not a plain name (letters, digits, _): it becomes a column of the roll-ups");
        }
        if (reserved.contains(c) || attributes.contains(c)) {
          throw error(
              location,
              1,
              "column '"
                  + c
                  + "' is "
                  + (attributes.contains(c) ? "named twice" : "a column of the roll-ups already"));
        }
        attributes.add(c);
      }
      MeterRegistry registry =
          new MeterRegistry(location, headerLine, columns, attributes, new TreeMap<>(), 0);
      // a meter's info and the line it was first listed on
      Map<String, Map.Entry<MeterInfo, Integer>> seen = new HashMap<>();
      Map<String, ZoneId> zones = new LinkedHashMap<>();
      long meters = 0;
      int lineNumber = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.equals(headerLine)) {
          continue;
        }
        List<String> f = fields(location, lineNumber, line);
        if (f.size() != columns.size()) {
          throw error(location, lineNumber, f.size() + " fields, the header has " + columns.size());
        }
        String meter = f.get(registry.meterColumn);
        String region = f.get(registry.regionColumn);
        String zone = f.get(registry.zoneColumn);
        if (meter.isEmpty() || region.isEmpty()) {
          throw error(location, lineNumber, (meter.isEmpty() ? "meter" : "region") + " is empty");
        }
        ZoneId id = zones.computeIfAbsent(zone, z -> null);
        if (id == null) {
          id = zone(location, lineNumber, zone, from, to);
          zones.put(zone, id);
        }
        MeterInfo info = registry.info(f);
        Map.Entry<MeterInfo, Integer> before = seen.putIfAbsent(meter, Map.entry(info, lineNumber));
        if (before == null) {
          meters++;
          registry.metersByRegion.merge(region, 1L, Long::sum);
        } else if (!before.getKey().equals(info)) {
          throw error(
              location,
              lineNumber,
              "meter "
                  + meter
                  + " is listed again with other attributes than on line "
                  + before.getValue());
        }
      }
      return new MeterRegistry(
          location, headerLine, columns, attributes, registry.metersByRegion, meters);
    } catch (IOException e) {
      throw error(location, 0, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private static ZoneId zone(String location, int line, String zone, long from, long to) {
    ZoneId id;
    try {
      id = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw error(
          location, line, "unknown time zone '" + zone + "' (an IANA id such as Europe/Berlin)");
    }
    ZoneOffset partHour = LocalDays.partHourOffset(id, from, to);
    if (partHour != null) {
      throw error(
          location,
          line,
          "time zone "
              + zone
              + " has offset "
              + partHour
              + ", not a whole number of hours: its local days do not begin on "
              + "a UTC hour, which the daily roll-ups need (zones such as Asia/Kolkata and Australia/Adelaide are not supported)");
    }
    return id;
  }

  private static List<String> fields(String location, int line, String text) throws IOException {
    List<String> f;
    try {
      f = split(text);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw error(location, line, "not a CSV record (" + e.getMessage() + ")");
    }
    if (f == null) {
      throw error(location, line, "not one CSV record (a quoted field may not span lines)");
    }
    return f;
  }

  private static InvalidOptionException error(String location, int line, String problem) {
    return new InvalidOptionException(
        "meterRegistry", location + (line > 0 ? " line " + line : "") + ": " + problem);
  }
}
