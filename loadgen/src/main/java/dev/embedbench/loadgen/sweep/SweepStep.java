package dev.embedbench.loadgen.sweep;

import dev.embedbench.loadgen.result.RunSummary;
import java.util.List;

/**
 * One step of a sweep: a load run at one rate, judged against the SLO.
 *
 * @param stage "ramp" (raising the rate) or "bisect" (between the last pass and the first failure)
 * @param dir the step's run directory, relative to the sweep's directory
 * @param reasons why the step failed; empty when it passed
 */
public record SweepStep(int step, String stage, double rate, String dir, boolean pass, List<String> reasons,
    double achievedRate, double p50Ms, double p99Ms, double errorRate, RunSummary summary) {

  public SweepStep {
    reasons = List.copyOf(reasons);
    if (pass != reasons.isEmpty()) {
      throw new IllegalArgumentException("a step passes exactly when it has no failure reasons");
    }
  }
}
