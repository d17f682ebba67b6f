package io.github.eec.pipeline.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the page writes numbers, sizes, times and file names (always UTC, English digits). */
final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Energy in mWh as kWh, with three significant digits for small values. */
  static String kwh(double mwh) {
    double kwh = mwh / 1e6;
    if (kwh == 0) {
      return "0";
    }
    if (Math.abs(kwh) >= 1e9 || Math.abs(kwh) < 1e-3) {
      return String.format(Locale.ROOT, "%.3g", kwh);
    }
    if (Math.abs(kwh) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", kwh);
    }
    return String.format(Locale.ROOT, "%.3g", kwh);
  }

  /** A share as a percentage with one decimal (two below 1 %). */
  static String percent(double share) {
    double p = 100 * share;
    return String.format(Locale.ROOT, p != 0 && Math.abs(p) < 1 ? "%.2f %%" : "%.1f %%", p);
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  static String hour(long epochMillis) {
    return HOUR.format(Instant.ofEpochMilli(epochMillis));
  }

  static String day(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  static String duration(Instant from, Instant to) {
    if (from == null || to == null) {
      return "";
    }
    Duration d = Duration.between(from, to);
    long s = d.getSeconds();
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** The folder all of {@code paths} are in (with its trailing slash), or "" when there is none. */
  static String commonFolder(List<String> paths) {
    if (paths.isEmpty()) {
      return "";
    }
    String prefix = paths.get(0);
    for (String p : paths) {
      int n = Math.min(prefix.length(), p.length());
      int i = 0;
      while (i < n && prefix.charAt(i) == p.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    int slash = prefix.lastIndexOf('/');
    return slash < 0 ? "" : prefix.substring(0, slash + 1);
  }
}
