package dev.embedbench.reports.model;

import java.util.Objects;

/** One rate of a sweep: its figures and whether it met the SLO. */
public record SweepStep(int index, RunStats stats, boolean metSlo) {

  public SweepStep {
    Objects.requireNonNull(stats, "stats must not be null");
    if (index < 0) {
      throw new IllegalArgumentException("step index must be >= 0; got " + index);
    }
  }
}
