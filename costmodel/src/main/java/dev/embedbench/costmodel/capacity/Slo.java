package dev.embedbench.costmodel.capacity;

/**
 * The service-level objective a capacity must be measured under.
 *
 * @param p99Millis the 99th-percentile latency bound, in milliseconds
 * @param maxErrorRate the highest tolerated share of failed requests, in [0, 1)
 */
public record Slo(double p99Millis, double maxErrorRate) {

  public Slo {
    if (!(p99Millis > 0)) {
      throw new IllegalArgumentException("p99Millis must be > 0, was " + p99Millis);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate < 1)) {
      throw new IllegalArgumentException("maxErrorRate must be in [0, 1), was " + maxErrorRate);
    }
  }

  public String label() {
    return "p99 <= " + trim(p99Millis) + " ms, errors <= " + trim(maxErrorRate * 100) + "%";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
