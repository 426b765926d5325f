package dev.embedbench.reports.svg;

/** The rectangle inside the axes, in pixels from the SVG's top-left corner. */
record PlotArea(double left, double top, double width, double height) {

  double right() {
    return left + width;
  }

  double bottom() {
    return top + height;
  }
}
