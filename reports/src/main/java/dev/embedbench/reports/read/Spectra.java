package dev.embedbench.reports.read;

import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.PercentileSpectrum;
import dev.embedbench.reports.model.SpectrumPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Percentile spectra and percentiles from histograms of nanoseconds, as HdrHistogram's own tools
 * compute them.
 */
final class Spectra {

  private static final double NANOS_PER_MILLI = 1e6;

  /** Points per decade of 1/(1-q): smooth enough for a curve, few enough for a small file. */
  private static final int POINTS_PER_DECADE = 20;

  private Spectra() {}

  static LatencyPercentiles percentiles(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return new LatencyPercentiles(0, 0, 0, 0, 0, 0);
    }
    return new LatencyPercentiles(
        millis(nanos.getValueAtPercentile(50)),
        millis(nanos.getValueAtPercentile(90)),
        millis(nanos.getValueAtPercentile(99)),
        millis(nanos.getValueAtPercentile(99.9)),
        millis(nanos.getMaxValue()),
        nanos.getMean() / NANOS_PER_MILLI);
  }

  /**
   * The spectrum up to the highest quantile the sample count resolves (1 - 1/count), always
   * including the quantiles the chart marks when the count reaches them.
   */
  static PercentileSpectrum fromHistogram(Histogram nanos) {
    long count = nanos.getTotalCount();
    if (count == 0) {
      return new PercentileSpectrum(List.of(new SpectrumPoint(0, 0)), 0, true);
    }
    double maxQuantile = 1 - 1.0 / count;
    TreeSet<Double> quantiles = new TreeSet<>();
    quantiles.add(0.0);
    double maxDecades = Math.log10(1 / (1 - maxQuantile));
    for (int step = 1; step <= Math.ceil(maxDecades * POINTS_PER_DECADE); step++) {
      double quantile = 1 - Math.pow(10, -(double) step / POINTS_PER_DECADE);
      if (quantile <= maxQuantile) {
        quantiles.add(quantile);
      }
    }
    // p50, p90 and p99 are always drawn, as every summary lists them, even when few samples resolve
    // p99.
    double maxMarked = Math.max(maxQuantile, 0.99);
    for (double marked : PercentileSpectrum.MARKED_QUANTILES) {
      if (marked <= maxMarked) {
        // Replace a nearly equal generated quantile so that the marked one is present exactly.
        quantiles.removeIf(q -> Math.abs(q - marked) < 1e-9);
        quantiles.add(marked);
      }
    }
    if (maxQuantile > quantiles.last()) {
      quantiles.add(maxQuantile);
    }
    List<SpectrumPoint> points = new ArrayList<>();
    double previous = 0;
    for (double quantile : quantiles) {
      double latency = Math.max(previous, millis(nanos.getValueAtPercentile(quantile * 100)));
      points.add(new SpectrumPoint(quantile, latency));
      previous = latency;
    }
    return new PercentileSpectrum(points, count, true);
  }

  /** A coarse spectrum from a summary's percentiles, for runs whose histogram logs are missing. */
  static PercentileSpectrum fromSummary(LatencyPercentiles latency, long count) {
    List<SpectrumPoint> points = new ArrayList<>();
    points.add(new SpectrumPoint(0.5, latency.p50Millis()));
    points.add(new SpectrumPoint(0.9, latency.p90Millis()));
    points.add(new SpectrumPoint(0.99, latency.p99Millis()));
    points.add(new SpectrumPoint(0.999, latency.p999Millis()));
    return new PercentileSpectrum(points, count, false);
  }

  private static double millis(long nanos) {
    return nanos / NANOS_PER_MILLI;
  }
}
