package dev.embedbench.results;

import java.util.List;

/**
 * A sweep's {@code sweep.json}: the saturation probe, every step, and the capacity.
 *
 * @param bestRate the capacity's figure (the median over searches); null when no rate met the SLO
 * @param firstFailingRate the lowest failing rate above the first search's highest pass, or null
 * @param capacity null when no rate met the SLO
 */
public record SweepResult(
    int schemaVersion,
    String name,
    String startedAt,
    String endedAt,
    RunSummary.Target target,
    Slo slo,
    SweepPlanInfo plan,
    Probe probe,
    List<SweepStep> steps,
    Double bestRate,
    Double firstFailingRate,
    Capacity capacity,
    String stoppedBecause,
    boolean partial) {

  public static final int SCHEMA_VERSION = 2;

  public SweepResult {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }
}
