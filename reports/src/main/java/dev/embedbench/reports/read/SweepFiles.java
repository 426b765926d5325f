package dev.embedbench.reports.read;

import dev.embedbench.reports.model.Slo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a sweep directory: {@code sweep.json} and one run directory per step. */
final class SweepFiles {

  static final String SWEEP_FILE = "sweep.json";

  private SweepFiles() {
  }

  static boolean isSweepDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(SWEEP_FILE));
  }

  static LoadgenSweep read(Path dir) {
    JsonFields sweep = JsonFields.read(dir.resolve(SWEEP_FILE));
    JsonFields sloFields = sweep.object("slo");
    Slo slo;
    try {
      slo = new Slo(sloFields.number("p99_ms"), sloFields.optionalNumber("max_error_rate").orElse(0.0));
    } catch (IllegalArgumentException e) {
      throw sweep.error("slo", e.getMessage());
    }
    int stepCount = sweep.arraySize("steps");
    if (stepCount == 0) {
      throw sweep.error("steps", "a sweep needs at least one step");
    }
    List<Path> stepDirs = stepDirectories(dir);
    List<LoadgenSweep.Step> steps = new ArrayList<>();
    for (int i = 0; i < stepCount; i++) {
      JsonFields step = sweep.element("steps", i);
      int index = i;
      Path stepDir = step.optionalText("dir").map(dir::resolve).orElseGet(() -> {
        if (stepDirs.size() != stepCount) {
          throw sweep.error("steps", stepCount + " steps but " + stepDirs.size()
              + " step directories holding summary.json, and no 'dir' key to match them");
        }
        return stepDirs.get(index);
      });
      if (!SummaryFiles.isRunDirectory(stepDir)) {
        throw step.error("dir", "step directory " + stepDir + " has no " + SummaryFiles.SUMMARY_FILE);
      }
      steps.add(new LoadgenSweep.Step(SummaryFiles.read(stepDir), step.bool("pass"), reasons(step)));
    }
    String model = steps.get(0).run().model();
    for (LoadgenSweep.Step step : steps) {
      if (!step.run().model().equals(model)) {
        throw sweep.error("steps", "steps measure different models: '" + model + "' and '" + step.run().model() + "'");
      }
    }
    Optional<Double> best = sweep.optionalNumber("best_rate");
    return new LoadgenSweep(dir, model, slo, best, steps);
  }

  private static List<String> reasons(JsonFields step) {
    List<String> reasons = new ArrayList<>();
    if (step.has("reasons")) {
      for (int i = 0; i < step.arraySize("reasons"); i++) {
        reasons.add(step.node().get("reasons").get(i).asText());
      }
    }
    return reasons;
  }

  private static List<Path> stepDirectories(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).filter(SummaryFiles::isRunDirectory).sorted().toList();
    } catch (IOException e) {
      throw new RunDirectoryException(dir + ": cannot list step directories: " + e.getMessage(), e);
    }
  }
}
