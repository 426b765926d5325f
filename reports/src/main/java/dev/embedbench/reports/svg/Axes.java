package dev.embedbench.reports.svg;

/** Draws the frame, grid, ticks and titles of a two-axis chart. */
final class Axes {

  private Axes() {}

  static void draw(Svg svg, PlotArea area, Scale x, String xTitle, Scale y, String yTitle) {
    for (Tick tick : y.ticks()) {
      double py = y.pixel(tick.value());
      svg.line(area.left(), py, area.right(), py, "#dddddd", 1, "");
      svg.text(area.left() - 8, py + 4, tick.label(), "end", 13, false);
    }
    for (Tick tick : x.ticks()) {
      double px = x.pixel(tick.value());
      svg.line(px, area.top(), px, area.bottom(), "#dddddd", 1, "");
      svg.text(px, area.bottom() + 20, tick.label(), "middle", 13, false);
    }
    svg.line(area.left(), area.bottom(), area.right(), area.bottom(), "#333333", 1.5, "");
    svg.line(area.left(), area.top(), area.left(), area.bottom(), "#333333", 1.5, "");
    svg.text(
        area.left() + area.width() / 2,
        area.bottom() + 44,
        xTitle + x.scaleNote(),
        "middle",
        14,
        true);
    double yTitleX = area.left() - 62;
    double yTitleY = area.top() + area.height() / 2;
    svg.text(yTitleX, yTitleY, yTitle + y.scaleNote(), "middle", 14, true, -90);
  }
}
