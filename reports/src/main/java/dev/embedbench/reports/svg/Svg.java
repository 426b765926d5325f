package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Escape;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one SVG element tree as text. Every piece of text and every attribute value is escaped
 * here, so chart classes cannot forget to.
 */
final class Svg {

  static final String FONT = "font-family=\"sans-serif\"";

  private final StringBuilder out = new StringBuilder(8192);

  Svg(String id, String title, int widthPx, int heightPx) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" id=\"")
        .append(Escape.xml(id))
        .append("\" width=\"")
        .append(widthPx)
        .append("\" height=\"")
        .append(heightPx)
        .append("\" viewBox=\"0 0 ")
        .append(widthPx)
        .append(' ')
        .append(heightPx)
        .append("\" role=\"img\" ")
        .append(FONT)
        .append(">\n");
    out.append("<title>").append(Escape.xml(title)).append("</title>\n");
    out.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(widthPx)
        .append("\" height=\"")
        .append(heightPx)
        .append("\" fill=\"#ffffff\"/>\n");
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  Svg line(
      double x1, double y1, double x2, double y2, String stroke, double widthPx, String dashArray) {
    out.append("<line x1=\"")
        .append(num(x1))
        .append("\" y1=\"")
        .append(num(y1))
        .append("\" x2=\"")
        .append(num(x2))
        .append("\" y2=\"")
        .append(num(y2))
        .append("\" stroke=\"")
        .append(Escape.xml(stroke))
        .append("\" stroke-width=\"")
        .append(num(widthPx))
        .append('"');
    dash(dashArray);
    out.append("/>\n");
    return this;
  }

  Svg polyline(
      List<double[]> points,
      String stroke,
      double widthPx,
      String dashArray,
      Map<String, String> data) {
    out.append("<polyline fill=\"none\" stroke=\"")
        .append(Escape.xml(stroke))
        .append("\" stroke-width=\"")
        .append(num(widthPx))
        .append("\" stroke-linejoin=\"round\"");
    dash(dashArray);
    attributes(data);
    out.append(" points=\"");
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(num(points.get(i)[0])).append(',').append(num(points.get(i)[1]));
    }
    out.append("\"/>\n");
    return this;
  }

  Svg rect(
      double x,
      double y,
      double width,
      double height,
      String fill,
      String stroke,
      Map<String, String> data) {
    out.append("<rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(width))
        .append("\" height=\"")
        .append(num(height))
        .append("\" fill=\"")
        .append(Escape.xml(fill))
        .append("\" stroke=\"")
        .append(Escape.xml(stroke))
        .append('"');
    attributes(data);
    out.append("/>\n");
    return this;
  }

  /** Draws a marker centred on (x, y); a hollow marker has a white fill. */
  Svg marker(
      Marker marker, double x, double y, String colour, boolean filled, Map<String, String> data) {
    String fill = filled ? colour : "#ffffff";
    out.append("<path d=\"")
        .append(marker.path(x, y))
        .append("\" fill=\"")
        .append(Escape.xml(fill))
        .append("\" stroke=\"")
        .append(Escape.xml(colour))
        .append("\" stroke-width=\"2\"");
    attributes(data);
    out.append("/>\n");
    return this;
  }

  Svg text(double x, double y, String text, String anchor, int sizePx, boolean bold) {
    return text(x, y, text, anchor, sizePx, bold, 0);
  }

  Svg text(
      double x, double y, String text, String anchor, int sizePx, boolean bold, int rotateDegrees) {
    out.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" font-size=\"")
        .append(sizePx)
        .append("\" text-anchor=\"")
        .append(Escape.xml(anchor))
        .append("\" fill=\"#111111\"");
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    if (rotateDegrees != 0) {
      out.append(" transform=\"rotate(")
          .append(rotateDegrees)
          .append(' ')
          .append(num(x))
          .append(' ')
          .append(num(y))
          .append(")\"");
    }
    out.append('>').append(Escape.xml(text)).append("</text>\n");
    return this;
  }

  /**
   * Writes text over as many lines as it needs, breaking where {@link TextWidth} estimates a line
   * would pass {@code maxWidthPx}.
   *
   * @return the number of lines written
   */
  int wrappedText(
      double x, double y, String text, double maxWidthPx, int sizePx, double lineHeightPx) {
    List<String> lines = TextWidth.wrap(text, maxWidthPx, sizePx, false);
    for (int i = 0; i < lines.size(); i++) {
      text(x, y + i * lineHeightPx, lines.get(i), "start", sizePx, false);
    }
    return lines.size();
  }

  Svg openGroup(String cssClass, Map<String, String> data) {
    out.append("<g class=\"").append(Escape.xml(cssClass)).append('"');
    attributes(data);
    out.append(">\n");
    return this;
  }

  Svg closeGroup() {
    out.append("</g>\n");
    return this;
  }

  String finish() {
    out.append("</svg>\n");
    return out.toString();
  }

  private void dash(String dashArray) {
    if (dashArray != null && !dashArray.isEmpty()) {
      out.append(" stroke-dasharray=\"").append(Escape.xml(dashArray)).append('"');
    }
  }

  private void attributes(Map<String, String> data) {
    data.forEach(
        (name, value) ->
            out.append(" data-")
                .append(Escape.xml(name))
                .append("=\"")
                .append(Escape.xml(value))
                .append('"'));
  }
}
