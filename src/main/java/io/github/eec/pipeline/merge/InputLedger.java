package io.github.eec.pipeline.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Every input file merged into the table, known by content (size and SHA-256) and by path: what
 * makes a merge idempotent (a file merged before is skipped) and refuses a file re-sent under its
 * old path with other content. Kept as a gzipped JSON-lines file that each merge rewrites and
 * commits, through a table property, with the table version it merged into.
 */
public final class InputLedger {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One merged file. */
  public static final class Entry {
    public String path;
    public long size;
    public String sha256;
    public String runId;

    public Entry() {}

    public Entry(String path, long size, String sha256, String runId) {
      this.path = path;
      this.size = size;
      this.sha256 = sha256;
      this.runId = runId;
    }

    String content() {
      return size + ":" + sha256;
    }
  }

  private final List<Entry> entries;
  private final Map<String, Entry> byContent = new HashMap<>();
  private final Map<String, Entry> byPath = new HashMap<>();

  private InputLedger(List<Entry> entries) {
    this.entries = new ArrayList<>(entries);
    for (Entry e : entries) {
      byContent.putIfAbsent(e.content(), e);
      byPath.put(e.path, e);
    }
  }

  public static InputLedger empty() {
    return new InputLedger(List.of());
  }

  public static InputLedger read(String location) {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Channels.newInputStream(
                        FileSystems.open(FileSystems.matchNewResource(location, false)))),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          entries.add(JSON.readValue(line, Entry.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the merge ledger " + location, e);
    }
    return new InputLedger(entries);
  }

  /** The entry of a file with this content, if one was merged. */
  public Entry withContent(long size, String sha256) {
    return byContent.get(size + ":" + sha256);
  }

  /** The entry of a file merged under this path, if any. */
  public Entry atPath(String path) {
    return byPath.get(path);
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** This ledger with {@code added}. */
  public InputLedger with(List<Entry> added) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(added);
    return new InputLedger(all);
  }

  public void write(String location) throws IOException {
    try (OutputStream out =
        new GZIPOutputStream(
            Channels.newOutputStream(
                FileSystems.create(
                    FileSystems.matchNewResource(location, false), MimeTypes.BINARY)))) {
      for (Entry e : entries) {
        out.write(JSON.writeValueAsBytes(e));
        out.write('\n');
      }
    }
  }

  /** The entries as a JSON array, for a snapshot's summary. */
  public static String toJson(List<Entry> entries) {
    try {
      return JSON.writeValueAsString(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
