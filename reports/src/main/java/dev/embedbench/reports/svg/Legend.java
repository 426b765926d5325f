package dev.embedbench.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A legend below the plot: one entry per series, with the line's dash, the marker, and the full
 * label. A label too long for the SVG's width wraps onto more lines and its entry grows taller,
 * since a label carries the series' provenance and must never be clipped. Laid out before the SVG
 * is opened, so the chart knows how tall to make it.
 */
final class Legend {

  /**
   * The height of an entry of one line; each further line of its label adds {@link
   * #LINE_HEIGHT_PX}.
   */
  static final int ROW_HEIGHT_PX = 24;

  static final int LINE_HEIGHT_PX = 18;
  static final int FONT_PX = 14;

  /** From the legend's left edge to its labels: room for the swatch. */
  static final int TEXT_INDENT_PX = 56;

  static final int RIGHT_MARGIN_PX = 16;
  private static final int BOTTOM_PADDING_PX = 8;

  record Entry(SeriesStyle style, boolean line, boolean marker, String label) {}

  private final double left;
  private final List<Entry> entries;
  private final List<List<String>> lines;

  private Legend(double left, List<Entry> entries, List<List<String>> lines) {
    this.left = left;
    this.entries = entries;
    this.lines = lines;
  }

  /**
   * Wraps each label to fit between {@code left} plus the swatch and the right edge, less a margin,
   * of an SVG {@code svgWidthPx} wide.
   */
  static Legend layout(List<Entry> entries, double left, int svgWidthPx) {
    double labelWidthPx = svgWidthPx - RIGHT_MARGIN_PX - left - TEXT_INDENT_PX;
    List<List<String>> lines = new ArrayList<>();
    for (Entry entry : entries) {
      lines.add(TextWidth.wrap(entry.label(), labelWidthPx, FONT_PX, false));
    }
    return new Legend(left, List.copyOf(entries), List.copyOf(lines));
  }

  int heightPx() {
    int height = BOTTOM_PADDING_PX;
    for (List<String> label : lines) {
      height += entryHeightPx(label);
    }
    return height;
  }

  /**
   * Each entry is a group whose {@code data-label} holds the whole label, however it was wrapped.
   */
  void draw(Svg svg, double top) {
    double entryTop = top;
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      SeriesStyle style = entry.style();
      double y = entryTop + ROW_HEIGHT_PX / 2.0;
      svg.openGroup("legend-entry", Map.of("label", entry.label()));
      if (entry.line()) {
        svg.line(left, y, left + 44, y, style.colour(), 2.5, style.dashArray());
      }
      if (entry.marker()) {
        svg.marker(style.marker(), left + 22, y, style.colour(), true, Map.of());
      }
      List<String> label = lines.get(i);
      for (int line = 0; line < label.size(); line++) {
        svg.text(
            left + TEXT_INDENT_PX,
            y + 5 + line * LINE_HEIGHT_PX,
            label.get(line),
            "start",
            FONT_PX,
            false);
      }
      svg.closeGroup();
      entryTop += entryHeightPx(label);
    }
  }

  private static int entryHeightPx(List<String> label) {
    return ROW_HEIGHT_PX + (label.size() - 1) * LINE_HEIGHT_PX;
  }
}
