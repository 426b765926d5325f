package dev.embedbench.reports.svg;

import java.util.List;

/** Maps domain values to pixel positions along one axis. */
public interface Scale {

  /** The pixel position of {@code value}; values outside the domain are clamped to its ends. */
  double pixel(double value);

  List<Tick> ticks();

  /** How the axis title should mention the scale, e.g. {@code " (log scale)"}, or empty. */
  String scaleNote();
}
