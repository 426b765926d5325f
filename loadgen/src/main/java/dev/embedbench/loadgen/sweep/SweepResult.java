package dev.embedbench.loadgen.sweep;

import dev.embedbench.loadgen.result.RunSummary;
import java.util.List;

/**
 * A sweep's {@code sweep.json}: every step, and the highest rate that met the SLO (null when even the
 * start rate broke it).
 */
public record SweepResult(int schemaVersion, String name, String startedAt, String endedAt,
    RunSummary.Target target, Slo slo, SweepPlan.Described plan, List<SweepStep> steps, Double bestRate,
    Double firstFailingRate, String stoppedBecause, boolean partial) {

  public static final int SCHEMA_VERSION = 1;

  public SweepResult {
    steps = List.copyOf(steps);
  }
}
