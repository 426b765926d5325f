package dev.embedbench.loadgen.sweep;

import java.time.Duration;

/**
 * How a sweep raises the rate: from {@code startRate}, multiplied by {@code factor} (or, when the factor
 * is 1, increased by {@code stepRate}) up to {@code maxRate}; then {@code bisectSteps} bisections between
 * the last rate that met the SLO and the first that did not. At most {@code maxSteps} steps and
 * {@code maxTotal} of wall time in all.
 */
public record SweepPlan(double startRate, double factor, double stepRate, double maxRate, int maxSteps,
    int bisectSteps, Duration maxTotal) {

  public SweepPlan {
    if (!(startRate > 0)) {
      throw new IllegalArgumentException("sweep start rate must be > 0, got " + startRate);
    }
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("sweep factor must be >= 1, got " + factor);
    }
    if (factor == 1 && !(stepRate > 0)) {
      throw new IllegalArgumentException("a sweep needs a factor > 1 or a step rate > 0");
    }
    if (factor > 1 && stepRate != 0) {
      throw new IllegalArgumentException("give a sweep factor or a step rate, not both");
    }
    if (!(maxRate >= startRate)) {
      throw new IllegalArgumentException("sweep max rate must be >= the start rate " + startRate + ", got " + maxRate);
    }
    if (maxSteps < 1 || maxSteps > 100) {
      throw new IllegalArgumentException("sweep max steps must be in 1..100, got " + maxSteps);
    }
    if (bisectSteps < 0 || bisectSteps > 20) {
      throw new IllegalArgumentException("sweep bisect steps must be in 0..20, got " + bisectSteps);
    }
    if (maxTotal == null || maxTotal.isNegative() || maxTotal.isZero()) {
      throw new IllegalArgumentException("sweep max total time must be > 0");
    }
  }

  /** The plan as written to sweep.json, with each step's measured duration and warm-up. */
  public record Described(double startRate, double factor, double stepRate, double maxRate, int maxSteps,
      int bisectSteps, String maxTotal, String stepDuration, String stepWarmup) {}

  public Described describe(Duration stepDuration, Duration stepWarmup) {
    return new Described(startRate, factor, stepRate, maxRate, maxSteps, bisectSteps,
        dev.embedbench.loadgen.DurationText.format(maxTotal), dev.embedbench.loadgen.DurationText.format(stepDuration),
        dev.embedbench.loadgen.DurationText.format(stepWarmup));
  }

  public double next(double rate) {
    return factor > 1 ? rate * factor : rate + stepRate;
  }
}
