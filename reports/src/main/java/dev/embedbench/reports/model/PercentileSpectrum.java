package dev.embedbench.reports.model;

import java.util.List;

/**
 * A latency percentile spectrum, HdrHistogram style.
 *
 * @param points in increasing quantile order, latencies not decreasing
 * @param sampleCount how many requests the distribution holds
 * @param fromHistogram true when drawn from recorded histograms, false when only a summary's few
 *     percentiles were available
 */
public record PercentileSpectrum(
    List<SpectrumPoint> points, long sampleCount, boolean fromHistogram) {

  /** The quantiles that charts mark and tables list: p50, p90, p99, p99.9, p99.99. */
  public static final List<Double> MARKED_QUANTILES = List.of(0.5, 0.9, 0.99, 0.999, 0.9999);

  public PercentileSpectrum {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a percentile spectrum needs at least one point");
    }
    for (int i = 1; i < points.size(); i++) {
      SpectrumPoint before = points.get(i - 1);
      SpectrumPoint after = points.get(i);
      if (after.quantile() <= before.quantile() || after.latencyMillis() < before.latencyMillis()) {
        throw new IllegalArgumentException(
            "spectrum points must rise in quantile and not fall in latency; point "
                + i
                + " breaks it");
      }
    }
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sampleCount must be >= 0; got " + sampleCount);
    }
  }
}
