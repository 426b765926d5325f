package dev.embedbench.results;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, read from a histogram of nanoseconds; all zero when
 * empty.
 */
public record Percentiles(
    long count, double p50, double p90, double p99, double p999, double max, double mean) {

  private static final double NANOS_PER_MILLI = 1e6;

  public Percentiles {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }

  public static Percentiles of(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return new Percentiles(0, 0, 0, 0, 0, 0, 0);
    }
    return new Percentiles(
        nanos.getTotalCount(),
        millis(nanos.getValueAtPercentile(50)),
        millis(nanos.getValueAtPercentile(90)),
        millis(nanos.getValueAtPercentile(99)),
        millis(nanos.getValueAtPercentile(99.9)),
        millis(nanos.getMaxValue()),
        round(nanos.getMean() / NANOS_PER_MILLI));
  }

  private static double millis(long nanos) {
    return round(nanos / NANOS_PER_MILLI);
  }

  /** Microsecond resolution is all a 3-digit histogram holds at these magnitudes. */
  private static double round(double millis) {
    return Math.round(millis * 1000.0) / 1000.0;
  }
}
