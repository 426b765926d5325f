package dev.embedbench.reports.svg;

import java.util.List;

/**
 * How one series is drawn. The colours step through distinct lightness (about 10%, 38%, 55%, 62%
 * and 70% grey when printed in greyscale) and each style also has its own dash pattern and marker,
 * so series stay apart without hue and for readers with colour-vision deficiency.
 */
record SeriesStyle(String colour, String dashArray, Marker marker, String barFill) {

  private static final List<SeriesStyle> STYLES =
      List.of(
          new SeriesStyle("#1a1a1a", "", Marker.CIRCLE, "#333333"),
          new SeriesStyle("#1f5fa8", "10 5", Marker.SQUARE, "#4f86c6"),
          new SeriesStyle("#c45a00", "3 4", Marker.TRIANGLE, "#e08a3c"),
          new SeriesStyle("#2e8b57", "12 4 3 4", Marker.DIAMOND, "#7cc49a"),
          new SeriesStyle("#8a6bbf", "6 3", Marker.TRIANGLE_DOWN, "#c2b0e0"),
          new SeriesStyle("#7a7a7a", "1 3", Marker.CROSS, "#bdbdbd"));

  static SeriesStyle of(int seriesIndex) {
    return STYLES.get(Math.floorMod(seriesIndex, STYLES.size()));
  }
}
