package io.github.eec.pipeline.model;

import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/** A rejected input line with why it was rejected and where it came from. */
@DefaultCoder(RejectCoder.class)
public final class Reject {
  private final RejectReason reason;
  private final String detail;
  private final String file;
  private final String line;

  public Reject(RejectReason reason, String detail, String file, String line) {
    this.reason = reason;
    this.detail = detail;
    this.file = file;
    this.line = line;
  }

  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  public String file() {
    return file;
  }

  public String line() {
    return line;
  }

  /** One JSON object on one line, so the rejects can be read by any JSON-lines reader. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(64 + line.length());
    sb.append("{\"reason\":\"").append(reason.name()).append("\",\"detail\":");
    appendJsonString(sb, detail);
    sb.append(",\"file\":");
    appendJsonString(sb, file);
    sb.append(",\"line\":");
    appendJsonString(sb, line);
    return sb.append('}').toString();
  }

  static void appendJsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Reject)) {
      return false;
    }
    Reject r = (Reject) o;
    return reason == r.reason
        && detail.equals(r.detail)
        && file.equals(r.file)
        && line.equals(r.line);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, detail, file, line);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
