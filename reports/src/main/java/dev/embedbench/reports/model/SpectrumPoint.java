package dev.embedbench.reports.model;

/** One point of a percentile spectrum: the latency at quantile {@code quantile} (0 <= q < 1). */
public record SpectrumPoint(double quantile, double latencyMillis) {

  public SpectrumPoint {
    if (!(quantile >= 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1); got " + quantile);
    }
    if (!(latencyMillis >= 0) || Double.isInfinite(latencyMillis)) {
      throw new IllegalArgumentException(
          "latencyMillis must be a finite number >= 0; got " + latencyMillis);
    }
  }

  /** The HdrHistogram plot's x coordinate, 1/(1-q): 2 at the median, 100 at p99. */
  public double inverseTail() {
    return 1.0 / (1.0 - quantile);
  }
}
