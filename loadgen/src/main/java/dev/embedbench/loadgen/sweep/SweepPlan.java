package dev.embedbench.loadgen.sweep;

import dev.embedbench.config.DurationText;
import dev.embedbench.results.SweepPlanInfo;
import java.time.Duration;

/**
 * How a sweep searches: a closed-loop probe first, then bisection between {@code startRate} and the
 * lower of the probe's saturation throughput and {@code maxRate}. The first search runs at most
 * {@code maxSteps} open-loop steps and {@code maxTotal} of wall time, probe included; each repeated
 * search ({@code --repeat}) at most {@code bisectSteps} steps.
 *
 * @param probeConcurrency requests the probe keeps in flight; null for the sweep's fixed pool size,
 *     else {@link Sweep#DEFAULT_PROBE_CONCURRENCY}
 */
public record SweepPlan(
    double startRate,
    double maxRate,
    int maxSteps,
    int bisectSteps,
    Duration maxTotal,
    Integer probeConcurrency) {

  public SweepPlan {
    if (!(startRate > 0)) {
      throw new IllegalArgumentException("sweep start rate must be > 0, got " + startRate);
    }
    if (!(maxRate >= startRate)) {
      throw new IllegalArgumentException(
          "sweep max rate must be >= the start rate " + startRate + ", got " + maxRate);
    }
    if (maxSteps < 1 || maxSteps > 100) {
      throw new IllegalArgumentException("sweep max steps must be in 1..100, got " + maxSteps);
    }
    if (bisectSteps < 1 || bisectSteps > 20) {
      throw new IllegalArgumentException("sweep bisect steps must be in 1..20, got " + bisectSteps);
    }
    if (maxTotal == null || maxTotal.isNegative() || maxTotal.isZero()) {
      throw new IllegalArgumentException("sweep max total time must be > 0");
    }
    if (probeConcurrency != null && (probeConcurrency < 1 || probeConcurrency > 4096)) {
      throw new IllegalArgumentException(
          "sweep probe concurrency must be in 1..4096, got " + probeConcurrency);
    }
  }

  public SweepPlan(
      double startRate, double maxRate, int maxSteps, int bisectSteps, Duration maxTotal) {
    this(startRate, maxRate, maxSteps, bisectSteps, maxTotal, null);
  }

  /** The plan as written to sweep.json, with what the sweep ran it with. */
  public SweepPlanInfo describe(
      int repeats, Duration stepDuration, Duration stepWarmup, int probeConcurrency) {
    return new SweepPlanInfo(
        startRate,
        maxRate,
        maxSteps,
        bisectSteps,
        repeats,
        DurationText.format(maxTotal),
        DurationText.format(stepDuration),
        DurationText.format(stepWarmup),
        probeConcurrency);
  }
}
