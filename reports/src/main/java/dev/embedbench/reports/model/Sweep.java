package dev.embedbench.reports.model;

import dev.embedbench.results.Slo;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate sweep of one model.
 *
 * @param steps in the order they ran
 * @param bestRatePerSecond the highest rate that met the SLO, empty when none did
 */
public record Sweep(Slo slo, List<SweepStep> steps, Optional<Double> bestRatePerSecond) {

  public Sweep {
    Objects.requireNonNull(slo, "slo must not be null");
    Objects.requireNonNull(
        bestRatePerSecond, "bestRatePerSecond must not be null (use Optional.empty())");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one step");
    }
  }

  /** The steps ordered by achieved rate, as the throughput chart draws them. */
  public List<SweepStep> stepsByAchievedRate() {
    return steps.stream()
        .sorted(Comparator.comparingDouble(step -> step.stats().achievedRatePerSecond()))
        .toList();
  }
}
