package io.github.eec.pipeline.rollup;

import io.github.eec.pipeline.options.InvalidOptionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A time-of-use schedule ({@code --touSchedule}): named periods by weekday and local clock time on
 * hour boundaries, one period a line, every hour of the week in exactly one period:
 *
 * <pre>
 * # period: days from-to[; days from-to ...]
 * peak:     Mon-Fri 17:00-21:00
 * shoulder: Mon-Fri 07:00-17:00; Sat 08:00-12:00
 * offpeak:  otherwise
 * </pre>
 *
 * Days are {@code Mon}..{@code Sun}, ranges ({@code Mon-Fri}), lists ({@code Sat,Sun}) or {@code
 * *}; {@code 24:00} ends a day; {@code otherwise} takes every hour no other period has. Periods
 * follow the local clock: on the days the clocks change, the hours are those the clock shows.
 */
public final class TouSchedule implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9_]*)\\s*:\\s*(.+)");
  private static final Pattern SPEC =
      Pattern.compile(
          "(\\*|[A-Za-z]+(?:\\s*[-,]\\s*[A-Za-z]+)*)\\s+(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private final List<String> periods;

  /** [day of week 0=Mon][local hour] to the period's index. */
  private final int[][] periodOf;

  private TouSchedule(List<String> periods, int[][] periodOf) {
    this.periods = periods;
    this.periodOf = periodOf;
  }

  public List<String> periods() {
    return periods;
  }

  /** The index in {@link #periods()} of the period of a local weekday and clock hour. */
  public int periodOf(DayOfWeek day, int localHour) {
    return periodOf[day.getValue() - 1][localHour];
  }

  public static TouSchedule read(String location) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Channels.newInputStream(
                    FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId())),
                StandardCharsets.UTF_8))) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        lines.add(l);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidOptionException(
          "touSchedule", location + ": cannot be read (" + e.getMessage() + ")");
    }
    return parse(location, lines);
  }

  static TouSchedule parse(String location, List<String> lines) {
    List<String> periods = new ArrayList<>();
    int[][] of = new int[7][24];
    for (int[] day : of) {
      Arrays.fill(day, -1);
    }
    int otherwise = -1;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).replaceAll("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw error(
            location,
            n,
            "not 'name: days hh:mm-hh:mm' (a period name is lower case letters, digits, _)");
      }
      String name = m.group(1);
      if (periods.contains(name)) {
        throw error(location, n, "period " + name + " is defined twice");
      }
      periods.add(name);
      int index = periods.size() - 1;
      if (m.group(2).trim().equalsIgnoreCase("otherwise")) {
        if (otherwise >= 0) {
          throw error(location, n, "only one period can be 'otherwise'");
        }
        otherwise = index;
        continue;
      }
      for (String spec : m.group(2).split(";")) {
        Matcher s = SPEC.matcher(spec.trim());
        if (!s.matches()) {
          throw error(
              location,
              n,
              "'" + spec.trim() + "' is not 'days hh:mm-hh:mm', e.g. Mon-Fri 17:00-21:00");
        }
        int from = hour(location, n, s.group(2), s.group(3));
        int to = hour(location, n, s.group(4), s.group(5));
        if (to <= from) {
          throw error(location, n, "'" + spec.trim() + "' ends before it begins");
        }
        for (int day : days(location, n, s.group(1))) {
          for (int h = from; h < to; h++) {
            if (of[day][h] >= 0) {
              throw error(
                  location,
                  n,
                  "period "
                      + name
                      + " overlaps "
                      + periods.get(of[day][h])
                      + " on "
                      + DayOfWeek.of(day + 1)
                      + " at "
                      + String.format("%02d:00", h));
            }
            of[day][h] = index;
          }
        }
      }
    }
    if (periods.isEmpty()) {
      throw error(location, 0, "no periods");
    }
    for (int day = 0; day < 7; day++) {
      for (int h = 0; h < 24; h++) {
        if (of[day][h] < 0) {
          if (otherwise < 0) {
            throw error(
                location,
                0,
                DayOfWeek.of(day + 1)
                    + " "
                    + String.format("%02d:00", h)
                    + " is in no period: add it to one, or add a line 'name: otherwise'");
          }
          of[day][h] = otherwise;
        }
      }
    }
    return new TouSchedule(List.copyOf(periods), of);
  }

  private static int hour(String location, int n, String hh, String mm) {
    int h = Integer.parseInt(hh);
    if (!mm.equals("00") || h > 24) {
      throw error(location, n, hh + ":" + mm + " is not on an hour boundary (00:00 to 24:00)");
    }
    return h;
  }

  private static List<Integer> days(String location, int n, String spec) {
    List<Integer> out = new ArrayList<>();
    if (spec.equals("*")) {
      for (int d = 0; d < 7; d++) {
        out.add(d);
      }
      return out;
    }
    for (String part : spec.split(",")) {
      String[] range = part.trim().split("\\s*-\\s*");
      int from = day(location, n, range[0]);
      int to = range.length > 1 ? day(location, n, range[1]) : from;
      if (to < from) {
        throw error(location, n, "'" + part.trim() + "' is not a range from Mon towards Sun");
      }
      for (int d = from; d <= to; d++) {
        out.add(d);
      }
    }
    return out;
  }

  private static int day(String location, int n, String name) {
    int d = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
    if (d < 0) {
      throw error(location, n, "'" + name + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }
    return d;
  }

  private static InvalidOptionException error(String location, int line, String problem) {
    return new InvalidOptionException(
        "touSchedule", location + (line > 0 ? " line " + line : "") + ": " + problem);
  }
}
