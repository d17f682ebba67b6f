package io.github.eec.pipeline.report;

/**
 * A table of the page. Cells are text, escaped here; a cell that is markup must say so ({@link
 * Markup}), so forgetting to escape cannot happen by default.
 */
final class HtmlTable {
  /** Markup built by the page itself from escaped parts. */
  static final class Markup {
    final String html;

    Markup(String html) {
      this.html = html;
    }
  }

  private final StringBuilder sb = new StringBuilder();
  private final String align;
  private int rows;

  /**
   * A table with the given headers; {@code align} has one letter a column, {@code l} or {@code r}
   * (numbers).
   */
  HtmlTable(String cssClass, String align, String... headers) {
    if (align.length() != headers.length) {
      throw new IllegalArgumentException("one alignment a column");
    }
    this.align = align;
    sb.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
    for (int i = 0; i < headers.length; i++) {
      sb.append(align.charAt(i) == 'r' ? "<th class=\"num\">" : "<th>");
      Html.appendEscaped(sb, headers[i]);
      sb.append("</th>");
    }
    sb.append("</tr></thead><tbody>\n");
  }

  /** A row: each cell a String (text) or a {@link Markup}. */
  HtmlTable row(Object... cells) {
    return classedRow(null, cells);
  }

  /** A row with a CSS class (such as {@code bad}), or none when it is null. */
  HtmlTable classedRow(String cssClass, Object... cells) {
    if (cells.length != align.length()) {
      throw new IllegalArgumentException("one cell a column");
    }
    sb.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
    for (int i = 0; i < cells.length; i++) {
      sb.append(align.charAt(i) == 'r' ? "<td class=\"num\">" : "<td>");
      if (cells[i] instanceof Markup) {
        sb.append(((Markup) cells[i]).html);
      } else {
        Html.appendEscaped(sb, cells[i] == null ? "" : cells[i].toString());
      }
      sb.append("</td>");
    }
    sb.append("</tr>\n");
    rows++;
    return this;
  }

  /** A last row across all columns, of text. */
  HtmlTable note(String text) {
    sb.append("<tr class=\"more\"><td colspan=\"").append(align.length()).append("\">");
    Html.appendEscaped(sb, text);
    sb.append("</td></tr>\n");
    return this;
  }

  int rows() {
    return rows;
  }

  String html() {
    return sb + "</tbody></table>\n";
  }

  /** Text as code (a line of input, a path), escaped. */
  static Markup code(String text) {
    return new Markup("<code>" + Html.escape(text) + "</code>");
  }
}
