package dev.embedbench.reports.svg;

import java.util.List;

/** A legend below the plot: one row per series, with the line's dash, the marker, and the full label. */
final class Legend {

  static final int ROW_HEIGHT_PX = 24;

  record Entry(SeriesStyle style, boolean line, boolean marker, String label) {
  }

  private Legend() {
  }

  static int heightPx(int rows) {
    return rows * ROW_HEIGHT_PX + 8;
  }

  static void draw(Svg svg, double left, double top, List<Entry> entries) {
    double y = top + ROW_HEIGHT_PX / 2.0;
    for (Entry entry : entries) {
      SeriesStyle style = entry.style();
      if (entry.line()) {
        svg.line(left, y, left + 44, y, style.colour(), 2.5, style.dashArray());
      }
      if (entry.marker()) {
        svg.marker(style.marker(), left + 22, y, style.colour(), true, java.util.Map.of());
      }
      svg.text(left + 56, y + 5, entry.label(), "start", 14, false);
      y += ROW_HEIGHT_PX;
    }
  }
}
