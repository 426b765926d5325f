package dev.embedbench.reports.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * HdrHistogram's percentile axis: the quantile q is placed at log10(1/(1-q)), so that the median,
 * p90, p99, p99.9 and p99.99 are evenly spaced and the tail gets as much room as the body.
 */
public final class InverseTailScale implements Scale {

  private static final String[] LABELS = {
    "0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"
  };

  private final int nines;
  private final double pixelMin;
  private final double pixelMax;

  /**
   * @param maxQuantile the highest quantile to show; the axis extends to the next power of ten of
   *     1/(1-q)
   */
  public InverseTailScale(double maxQuantile, double pixelMin, double pixelMax) {
    double inverseTail = 1 / (1 - Math.min(maxQuantile, 0.999999));
    this.nines = Math.max(2, (int) Math.ceil(Math.log10(inverseTail) - 1e-9));
    this.pixelMin = pixelMin;
    this.pixelMax = pixelMax;
  }

  /** The quantile's position in decades of 1/(1-q): 0 at q=0, 1 at p90, 2 at p99. */
  public static double decades(double quantile) {
    return Math.log10(1 / (1 - quantile));
  }

  @Override
  public double pixel(double quantile) {
    double position = Math.max(0, Math.min(nines, decades(Math.min(quantile, 1 - 1e-12))));
    return pixelMin + position / nines * (pixelMax - pixelMin);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    for (int nine = 0; nine <= nines; nine++) {
      double quantile = 1 - Math.pow(10, -nine);
      ticks.add(new Tick(quantile, LABELS[Math.min(nine, LABELS.length - 1)]));
      if (nine == 0) {
        ticks.add(new Tick(0.5, "50%"));
      }
    }
    return ticks;
  }

  @Override
  public String scaleNote() {
    return "";
  }

  public int nines() {
    return nines;
  }
}
