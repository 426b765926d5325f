package dev.embedbench.reports.read;

import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.results.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a report's input from run directories. Each directory given may be a single run (with
 * {@code summary.json}), a sweep (with {@code sweep.json}), or a directory holding such runs a few
 * levels down (as {@code compare} writes them). The same model found in several directories is
 * treated as concurrent shards of one load (several load-generator processes, possibly on several
 * machines): their histograms are merged exactly, their counts and rates added.
 */
public final class RunDirectoryReader {

  /** How deep below a given directory runs are looked for. */
  static final int MAX_DEPTH = 3;

  private RunDirectoryReader() {}

  public static ReportInput read(List<Path> dirs, String title, Instant generatedAt) {
    if (dirs.isEmpty()) {
      throw new RunDirectoryException("no run directory given");
    }
    Found found = new Found();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new RunDirectoryException(dir + ": not a directory");
      }
      int before = found.runs.size() + found.sweeps.size();
      discover(dir, 0, found);
      if (found.runs.size() + found.sweeps.size() == before && found.costDirs.isEmpty()) {
        throw new RunDirectoryException(
            dir
                + ": no "
                + SummaryFiles.SUMMARY_FILE
                + " or "
                + SweepFiles.SWEEP_FILE
                + " in it or up to "
                + MAX_DEPTH
                + " levels below");
      }
    }
    if (found.costDirs.size() > 1) {
      throw new RunDirectoryException(
          "cost reports in more than one directory ("
              + found.costDirs
              + "); a report shows one cost comparison: pass the directories of one comparison");
    }
    Optional<CostSection> cost = Optional.empty();
    List<AuditFinding> audit = List.of();
    if (!found.costDirs.isEmpty()) {
      CostReportFiles.Contents contents = CostReportFiles.read(found.costDirs.get(0));
      cost = contents.cost();
      audit = contents.audit();
    }
    List<ModelReport> models = new ArrayList<>();
    for (String model : found.modelOrder) {
      List<LoadgenRun> runs = found.runs.stream().filter(run -> run.model().equals(model)).toList();
      List<LoadgenSweep> sweeps =
          found.sweeps.stream().filter(sweep -> sweep.model().equals(model)).toList();
      Provenance provenance = provenance(model, runs, sweeps, found.provenance);
      if (!runs.isEmpty() && !sweeps.isEmpty()) {
        throw new RunDirectoryException(
            "model '"
                + model
                + "' has both single runs ("
                + runs.get(0).dir()
                + ") and sweeps ("
                + sweeps.get(0).dir()
                + "); report them separately");
      }
      models.add(
          sweeps.isEmpty()
              ? new ModelReport(model, provenance, LoadgenRun.stats(runs), Optional.empty())
              : SweepMerger.report(model, provenance, sweeps));
    }
    return new ReportInput(
        title, generatedAt, dirs.stream().map(Path::toString).toList(), models, cost, audit);
  }

  private static final class Found {
    final List<String> modelOrder = new ArrayList<>();
    final List<LoadgenRun> runs = new ArrayList<>();
    final List<LoadgenSweep> sweeps = new ArrayList<>();
    final List<Path> costDirs = new ArrayList<>();
    final Map<String, Provenance> provenance = new TreeMap<>();
    final Map<String, Path> provenanceSource = new LinkedHashMap<>();

    void model(String name) {
      if (!modelOrder.contains(name)) {
        modelOrder.add(name);
      }
    }
  }

  private static void discover(Path dir, int depth, Found found) {
    if (CostReportFiles.present(dir)) {
      found.costDirs.add(dir);
    }
    ProvenanceFiles.read(dir)
        .forEach(
            (model, provenance) -> {
              Provenance earlier = found.provenance.putIfAbsent(model, provenance);
              if (earlier != null && !earlier.equals(provenance)) {
                throw new RunDirectoryException(
                    dir.resolve(ProvenanceFiles.FILE)
                        + ": key 'models."
                        + model
                        + "': differs from "
                        + found.provenanceSource.get(model)
                        + " ('"
                        + provenance.label()
                        + "' vs '"
                        + earlier.label()
                        + "')");
              }
              found.provenanceSource.putIfAbsent(model, dir.resolve(ProvenanceFiles.FILE));
            });
    if (SweepFiles.isSweepDirectory(dir)) {
      Optional<LoadgenSweep> sweep = SweepFiles.read(dir);
      if (sweep.isPresent()) {
        found.sweeps.add(sweep.get());
        found.model(sweep.get().model());
      } else if (SummaryFiles.isRunDirectory(SweepFiles.probeDirectory(dir))) {
        // Stopped before its first step: the closed-loop probe is all it measured, shown as one
        // run.
        LoadgenRun probe = SummaryFiles.read(SweepFiles.probeDirectory(dir));
        found.runs.add(probe);
        found.model(probe.model());
      }
      return;
    }
    if (SummaryFiles.isRunDirectory(dir)) {
      LoadgenRun run = SummaryFiles.read(dir);
      found.runs.add(run);
      found.model(run.model());
      return;
    }
    if (depth >= MAX_DEPTH) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
        discover(child, depth + 1, found);
      }
    } catch (IOException e) {
      throw new RunDirectoryException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * The kind comes from the load generator's summaries; weights, device and profile from a {@code
   * provenance.json} when one names the model, and are "unknown" otherwise.
   */
  private static Provenance provenance(
      String model,
      List<LoadgenRun> runs,
      List<LoadgenSweep> sweeps,
      Map<String, Provenance> declared) {
    List<LoadgenRun> all = new ArrayList<>(runs);
    sweeps.forEach(sweep -> sweep.steps().forEach(step -> all.add(step.run())));
    TargetKind kind = all.get(0).kind();
    for (LoadgenRun run : all) {
      if (run.kind() != kind) {
        throw new RunDirectoryException(
            "model '"
                + model
                + "' is labelled '"
                + kind.label()
                + "' in "
                + all.get(0).dir()
                + " but '"
                + run.kind().label()
                + "' in "
                + run.dir()
                + "; figures of different kinds cannot be merged");
      }
    }
    Provenance stated = declared.get(model);
    if (stated == null) {
      return new Provenance(kind, WeightsSource.UNKNOWN, Device.UNKNOWN, "");
    }
    if (stated.kind() != TargetKind.UNKNOWN
        && kind != TargetKind.UNKNOWN
        && stated.kind() != kind) {
      throw new RunDirectoryException(
          ProvenanceFiles.FILE
              + ": key 'models."
              + model
              + ".kind': says '"
              + stated.kind().label()
              + "' but the run summaries say '"
              + kind.label()
              + "'");
    }
    return new Provenance(
        kind == TargetKind.UNKNOWN ? stated.kind() : kind,
        stated.weights(),
        stated.device(),
        stated.detail());
  }
}
