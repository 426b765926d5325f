package dev.embedbench.reports.model;

/** The service-level objective a sweep was held to. */
public record Slo(double p99Millis, double maxErrorFraction) {

  public Slo {
    if (!(p99Millis > 0) || Double.isInfinite(p99Millis)) {
      throw new IllegalArgumentException("SLO p99Millis must be a finite number > 0; got " + p99Millis);
    }
    if (!(maxErrorFraction >= 0 && maxErrorFraction <= 1)) {
      throw new IllegalArgumentException("SLO maxErrorFraction must be in [0, 1]; got " + maxErrorFraction);
    }
  }
}
