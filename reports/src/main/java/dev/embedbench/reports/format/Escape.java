package dev.embedbench.reports.format;

/** Escaping for text that lands in HTML, SVG or Markdown. */
public final class Escape {

  private Escape() {}

  /**
   * Escapes text for an HTML/SVG element body or a quoted attribute value. Control characters are
   * dropped.
   */
  public static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          // XML 1.0 forbids most control characters even as references; they carry nothing for a
          // reader.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
      }
    }
    return out.toString();
  }

  /**
   * Escapes text for a Markdown table cell: pipes, backslashes, line breaks, inline-markup
   * characters, and {@code $}, which GitHub would otherwise read as the start of inline math in a
   * row of dollar figures.
   */
  public static String markdownCell(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '|':
        case '\\':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '<':
        case '>':
        case '$':
          out.append('\\').append(c);
          break;
        case '\n':
        case '\r':
          out.append(' ');
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
