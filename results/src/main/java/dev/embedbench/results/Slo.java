package dev.embedbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service-level objective: corrected p99 latency and error rate. The one SLO of sweeps, cost
 * scenarios and reports; written as {@code {"p99_ms": .., "max_error_rate": ..}}.
 *
 * @param p99Millis the 99th-percentile latency bound, in milliseconds
 * @param maxErrorRate the highest tolerated share of failed requests, in [0, 1)
 */
public record Slo(
    @JsonProperty("p99_ms") double p99Millis, @JsonProperty("max_error_rate") double maxErrorRate) {

  public Slo {
    if (!(p99Millis > 0) || !Double.isFinite(p99Millis)) {
      throw new IllegalArgumentException(
          "SLO p99 must be a finite number > 0 ms, got " + p99Millis);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate < 1)) {
      throw new IllegalArgumentException(
          "SLO max error rate must be in [0, 1), got " + maxErrorRate);
    }
  }

  /** True when every run that meets this SLO also meets {@code other}. */
  public boolean atLeastAsStrictAs(Slo other) {
    return p99Millis <= other.p99Millis && maxErrorRate <= other.maxErrorRate;
  }

  public String label() {
    return "p99 <= " + trim(p99Millis) + " ms, errors <= " + trim(maxErrorRate * 100) + "%";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
