package dev.embedbench.reports.svg;

/** Point markers, so series differ in shape as well as colour and dash pattern. */
enum Marker {
  CIRCLE,
  SQUARE,
  TRIANGLE,
  DIAMOND,
  TRIANGLE_DOWN,
  CROSS;

  private static final double R = 5;

  String path(double x, double y) {
    switch (this) {
      case CIRCLE:
        return "M"
            + Svg.num(x - R)
            + ","
            + Svg.num(y)
            + " a"
            + R
            + ","
            + R
            + " 0 1,0 "
            + (2 * R)
            + ",0 a"
            + R
            + ","
            + R
            + " 0 1,0 "
            + (-2 * R)
            + ",0 Z";
      case SQUARE:
        return "M"
            + Svg.num(x - R)
            + ","
            + Svg.num(y - R)
            + " h"
            + (2 * R)
            + " v"
            + (2 * R)
            + " h"
            + (-2 * R)
            + " Z";
      case TRIANGLE:
        return "M"
            + Svg.num(x)
            + ","
            + Svg.num(y - R - 1)
            + " L"
            + Svg.num(x + R + 1)
            + ","
            + Svg.num(y + R)
            + " L"
            + Svg.num(x - R - 1)
            + ","
            + Svg.num(y + R)
            + " Z";
      case DIAMOND:
        return "M"
            + Svg.num(x)
            + ","
            + Svg.num(y - R - 1)
            + " L"
            + Svg.num(x + R + 1)
            + ","
            + Svg.num(y)
            + " L"
            + Svg.num(x)
            + ","
            + Svg.num(y + R + 1)
            + " L"
            + Svg.num(x - R - 1)
            + ","
            + Svg.num(y)
            + " Z";
      case TRIANGLE_DOWN:
        return "M"
            + Svg.num(x)
            + ","
            + Svg.num(y + R + 1)
            + " L"
            + Svg.num(x + R + 1)
            + ","
            + Svg.num(y - R)
            + " L"
            + Svg.num(x - R - 1)
            + ","
            + Svg.num(y - R)
            + " Z";
      case CROSS:
        return "M"
            + Svg.num(x - R)
            + ","
            + Svg.num(y - R)
            + " L"
            + Svg.num(x + R)
            + ","
            + Svg.num(y + R)
            + " M"
            + Svg.num(x - R)
            + ","
            + Svg.num(y + R)
            + " L"
            + Svg.num(x + R)
            + ","
            + Svg.num(y - R);
      default:
        throw new IllegalStateException("unhandled marker " + this);
    }
  }
}
