package dev.embedbench.reports.read;

import dev.embedbench.results.Capacity;
import dev.embedbench.results.Slo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One sweep directory as read: the SLO, the best rate, the capacity (bracketed or a lower bound; absent in
 * sweeps written before it existed) and each step's run with its verdict.
 */
record LoadgenSweep(Path dir, String model, Slo slo, Optional<Double> bestRatePerSecond, Optional<Capacity> capacity,
    List<Step> steps) {

  record Step(LoadgenRun run, boolean metSlo, List<String> reasons) {
  }
}
