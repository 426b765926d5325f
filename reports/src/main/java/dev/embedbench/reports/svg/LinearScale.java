package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis whose domain is widened to round tick values (1, 2, 2.5 or 5 times a power of ten).
 */
public final class LinearScale implements Scale {

  private static final int TARGET_TICKS = 6;

  private final double domainMin;
  private final double domainMax;
  private final double step;
  private final double pixelMin;
  private final double pixelMax;

  /**
   * @param dataMin the smallest value to show (0 is always included when {@code includeZero})
   * @param pixelMin the pixel for the domain's minimum (for a y axis, the bottom of the plot)
   */
  public LinearScale(
      double dataMin, double dataMax, boolean includeZero, double pixelMin, double pixelMax) {
    double low = includeZero ? Math.min(0, dataMin) : dataMin;
    double high = includeZero ? Math.max(0, dataMax) : dataMax;
    if (high - low <= 0) {
      double pad = high == 0 ? 1 : Math.abs(high) * 0.1;
      low = includeZero && low >= 0 ? 0 : low - pad;
      high = high + pad;
    }
    this.step = niceStep((high - low) / TARGET_TICKS);
    this.domainMin = Math.floor(low / step) * step;
    this.domainMax = Math.ceil(high / step) * step;
    this.pixelMin = pixelMin;
    this.pixelMax = pixelMax;
  }

  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice;
    if (fraction <= 1) {
      nice = 1;
    } else if (fraction <= 2) {
      nice = 2;
    } else if (fraction <= 2.5) {
      nice = 2.5;
    } else if (fraction <= 5) {
      nice = 5;
    } else {
      nice = 10;
    }
    return nice * power;
  }

  @Override
  public double pixel(double value) {
    double clamped = Math.max(domainMin, Math.min(domainMax, value));
    return pixelMin + (clamped - domainMin) / (domainMax - domainMin) * (pixelMax - pixelMin);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    long count = Math.round((domainMax - domainMin) / step);
    for (long i = 0; i <= count; i++) {
      double value = domainMin + i * step;
      // Snap values such as 0.30000000000000004 before labelling.
      double snapped = Math.round(value / step) * step;
      ticks.add(new Tick(snapped, Figures.number(snapped)));
    }
    return ticks;
  }

  @Override
  public String scaleNote() {
    return "";
  }

  public double domainMin() {
    return domainMin;
  }

  public double domainMax() {
    return domainMax;
  }
}
