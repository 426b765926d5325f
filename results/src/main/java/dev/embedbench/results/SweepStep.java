package dev.embedbench.results;

import java.util.List;

/**
 * One step of a sweep: a load run at one open-loop rate, judged against the SLO.
 *
 * @param search which search the step belongs to, from 1 (more than one with {@code --repeat})
 * @param stage {@code bisect} (between the highest pass and the lowest failure or saturation so
 *     far)
 * @param dir the step's run directory, relative to the sweep's directory
 * @param reasons why the step failed; empty when it passed
 */
public record SweepStep(
    int step,
    int search,
    String stage,
    double rate,
    String dir,
    boolean pass,
    List<String> reasons,
    double achievedRate,
    double p50Ms,
    double p99Ms,
    double errorRate,
    RunSummary summary) {

  public SweepStep {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    if (pass && !reasons.isEmpty()) {
      throw new IllegalArgumentException("a passing step has no failure reasons");
    }
    search = Math.max(1, search);
  }
}
