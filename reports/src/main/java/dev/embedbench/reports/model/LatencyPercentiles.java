package dev.embedbench.reports.model;

/** The usual latency percentiles of one distribution, in milliseconds. */
public record LatencyPercentiles(
    double p50Millis,
    double p90Millis,
    double p99Millis,
    double p999Millis,
    double maxMillis,
    double meanMillis) {

  public LatencyPercentiles {
    requireNonNegative("p50Millis", p50Millis);
    requireNonNegative("p90Millis", p90Millis);
    requireNonNegative("p99Millis", p99Millis);
    requireNonNegative("p999Millis", p999Millis);
    requireNonNegative("maxMillis", maxMillis);
    requireNonNegative("meanMillis", meanMillis);
    if (p50Millis > p90Millis
        || p90Millis > p99Millis
        || p99Millis > p999Millis
        || p999Millis > maxMillis) {
      throw new IllegalArgumentException(
          "percentiles must not decrease: p50 <= p90 <= p99 <= p99.9 <= max; got "
              + p50Millis
              + ", "
              + p90Millis
              + ", "
              + p99Millis
              + ", "
              + p999Millis
              + ", "
              + maxMillis);
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0; got " + value);
    }
  }
}
