package dev.embedbench.reports.read;

import dev.embedbench.results.Slo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One sweep directory as read: the SLO, the best rate, and each step's run with its verdict. */
record LoadgenSweep(
    Path dir, String model, Slo slo, Optional<Double> bestRatePerSecond, List<Step> steps) {

  record Step(LoadgenRun run, boolean metSlo, List<String> reasons) {}
}
