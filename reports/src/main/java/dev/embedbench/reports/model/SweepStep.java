package dev.embedbench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * One rate of a sweep: its figures and whether it met the SLO.
 *
 * @param index the step's number, from 1 in the order the steps ran
 * @param reasons why the step missed the SLO (or was stopped early), as the sweep recorded them;
 *     empty when it met it
 */
public record SweepStep(int index, RunStats stats, boolean metSlo, List<String> reasons) {

  public SweepStep {
    Objects.requireNonNull(stats, "stats must not be null");
    reasons = List.copyOf(reasons);
    if (index < 1) {
      throw new IllegalArgumentException(
          "step number must be >= 1 (steps count from 1, as the sweep prints them); got " + index);
    }
  }
}
