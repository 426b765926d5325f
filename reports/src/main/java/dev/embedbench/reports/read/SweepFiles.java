package dev.embedbench.reports.read;

import dev.embedbench.results.ResultFileException;
import dev.embedbench.results.ResultReader;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.SweepResult;
import dev.embedbench.results.SweepStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sweep directory for a report: {@code sweep.json} as the results module reads it, and each
 * step's logs.
 */
final class SweepFiles {

  static final String SWEEP_FILE = ResultReader.SWEEP;

  private SweepFiles() {}

  static boolean isSweepDirectory(Path dir) {
    return ResultReader.isSweepDirectory(dir);
  }

  /** The sweep, or empty for one stopped before its first step (see {@link #probeDirectory}). */
  static Optional<LoadgenSweep> read(Path dir) {
    SweepResult sweep;
    try {
      sweep = ResultReader.readSweep(dir);
    } catch (ResultFileException e) {
      throw new RunDirectoryException(e.getMessage(), e);
    }
    if (sweep.steps().isEmpty()) {
      return Optional.empty();
    }
    List<LoadgenSweep.Step> steps = new ArrayList<>();
    for (SweepStep step : sweep.steps()) {
      steps.add(
          new LoadgenSweep.Step(
              SummaryFiles.of(dir.resolve(step.dir()), step.summary()),
              step.pass(),
              step.reasons()));
    }
    return Optional.of(
        new LoadgenSweep(
            dir,
            steps.get(0).run().model(),
            sweep.slo(),
            Optional.ofNullable(sweep.bestRate()),
            steps));
  }

  /** The sweep's closed-loop saturation probe. */
  static Path probeDirectory(Path dir) {
    return dir.resolve(RunFiles.PROBE_DIR);
  }
}
