package dev.embedbench.reports.read;

import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.RunStats;
import dev.embedbench.reports.model.Sweep;
import dev.embedbench.reports.model.SweepStep;
import dev.embedbench.results.Slo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one sweep, or the same sweep run by several concurrent load processes, into a model report.
 */
final class SweepMerger {

  private SweepMerger() {}

  static ModelReport report(String model, Provenance provenance, List<LoadgenSweep> sweeps) {
    LoadgenSweep first = sweeps.get(0);
    for (LoadgenSweep other : sweeps) {
      if (!other.slo().equals(first.slo())) {
        throw new RunDirectoryException(
            "sweeps of model '"
                + model
                + "' in "
                + first.dir()
                + " and "
                + other.dir()
                + " have different SLOs; only shards of one sweep merge");
      }
      if (other.steps().size() != first.steps().size()) {
        throw new RunDirectoryException(
            "sweeps of model '"
                + model
                + "' in "
                + first.dir()
                + " and "
                + other.dir()
                + " have "
                + first.steps().size()
                + " and "
                + other.steps().size()
                + " steps; only shards of one sweep (same steps) merge");
      }
    }
    List<SweepStep> steps = new ArrayList<>();
    for (int i = 0; i < first.steps().size(); i++) {
      int index = i;
      List<LoadgenRun> shards =
          sweeps.stream().map(sweep -> sweep.steps().get(index).run()).toList();
      RunStats stats = LoadgenRun.stats(shards);
      if (sweeps.size() == 1) {
        LoadgenSweep.Step step = first.steps().get(i);
        steps.add(new SweepStep(i + 1, stats, step.metSlo(), step.reasons()));
      } else {
        List<String> reasons = missed(stats, first.slo());
        steps.add(new SweepStep(i + 1, stats, reasons.isEmpty(), reasons));
      }
    }
    Optional<Double> best =
        sweeps.size() == 1
            ? first.bestRatePerSecond()
            : steps.stream()
                .filter(SweepStep::metSlo)
                .map(step -> step.stats().achievedRatePerSecond())
                .max(Comparator.naturalOrder());
    Sweep sweep = new Sweep(first.slo(), steps, best);
    return new ModelReport(model, provenance, headline(steps).stats(), Optional.of(sweep));
  }

  /** The step that met the SLO at the highest achieved rate, or the first step when none did. */
  static SweepStep headline(List<SweepStep> steps) {
    return steps.stream()
        .filter(SweepStep::metSlo)
        .max(Comparator.comparingDouble(step -> step.stats().achievedRatePerSecond()))
        .orElse(steps.get(0));
  }

  /** Why merged figures miss the SLO, in the load generator's words; empty when they meet it. */
  private static List<String> missed(RunStats stats, Slo slo) {
    List<String> reasons = new ArrayList<>();
    if (stats.responseTime().p99Millis() > slo.p99Millis()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "merged p99 %.2f ms > SLO %.2f ms",
              stats.responseTime().p99Millis(),
              slo.p99Millis()));
    }
    if (stats.requests().errorFraction() > slo.maxErrorRate()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "merged error rate %.4f > SLO %.4f",
              stats.requests().errorFraction(),
              slo.maxErrorRate()));
    }
    return reasons;
  }
}
