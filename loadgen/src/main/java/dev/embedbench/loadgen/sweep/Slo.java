package dev.embedbench.loadgen.sweep;

/** A service-level objective a sweep step must meet: corrected p99 latency and error rate. */
public record Slo(double p99Ms, double maxErrorRate) {

  public Slo {
    if (!(p99Ms > 0) || !Double.isFinite(p99Ms)) {
      throw new IllegalArgumentException("SLO p99 must be > 0 ms, got " + p99Ms);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate < 1)) {
      throw new IllegalArgumentException("SLO max error rate must be in [0, 1), got " + maxErrorRate);
    }
  }
}
