package io.github.eec.pipeline.report;

/**
 * The one way text reaches the page: every text that comes from input (lines, meter ids, file
 * names, details, option values) goes through {@link #escape} into HTML, so a line of input can
 * never become markup or script. Text bound for the charts' JSON goes through {@link #clean}, the
 * same repair without the HTML entities (the charts set it as text, never as markup).
 */
final class Html {
  private Html() {}

  /** {@code s} as HTML text: repaired as {@link #clean} does, {@code & < > " '} as entities. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s == null ? 0 : s.length() + 16);
    appendEscaped(sb, s);
    return sb.toString();
  }

  static void appendEscaped(StringBuilder sb, String s) {
    if (s == null) {
      return;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.appendCodePoint(repaired(cp));
      }
    }
  }

  /**
   * {@code s} with what no page can show replaced: a lone surrogate (not encodable as UTF-8) and a
   * noncharacter by U+FFFD, a C0 control (but tab and line feed) and DEL by its visible Unicode
   * control picture (␀ … ␟, ␡), so a reader sees where it was, a C1 control by U+FFFD.
   */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      int r = repaired(cp);
      if (r != cp && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.appendCodePoint(r);
      }
      i += n;
    }
    return sb == null ? s : sb.toString();
  }

  private static int repaired(int cp) {
    if (cp == '\t' || cp == '\n') {
      return cp;
    }
    if (cp < 0x20) {
      return 0x2400 + cp;
    }
    if (cp == 0x7F) {
      return 0x2421;
    }
    if (cp >= 0x80 && cp <= 0x9F
        || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE
        || cp >= 0xFDD0 && cp <= 0xFDEF
        || (cp & 0xFFFE) == 0xFFFE) {
      return 0xFFFD;
    }
    return cp;
  }
}
