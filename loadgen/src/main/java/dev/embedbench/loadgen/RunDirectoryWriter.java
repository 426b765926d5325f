package dev.embedbench.loadgen;

import dev.embedbench.loadgen.record.IntervalReporter;
import dev.embedbench.loadgen.record.Totals;
import dev.embedbench.results.EnvironmentInfo;
import dev.embedbench.results.GeneratorInfo;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Which file of a run directory gets what: before the run its exact configuration and environment,
 * during it the interval logs (written by the {@link IntervalReporter}), after it the percentile
 * tables and summary.json.
 */
final class RunDirectoryWriter {

  private final RunFiles files;

  RunDirectoryWriter(RunFiles files) {
    this.files = files;
  }

  /**
   * Creates the directory; writes config.json, with how the generator runs, and the environment.
   */
  void start(LoadConfig config, GeneratorInfo generator, EnvironmentInfo environment)
      throws IOException {
    Files.createDirectories(files.dir());
    Map<String, Object> described = config.describe();
    described.put("event_loops", generator.eventLoops());
    described.put("http_client", generator.httpClient());
    ResultJson.write(files.file(RunFiles.CONFIG), described);
    ResultJson.write(files.file(RunFiles.ENVIRONMENT), environment);
  }

  IntervalReporter.Files intervalFiles() {
    return new IntervalReporter.Files(
        files.file(RunFiles.RESPONSE_TIME_LOG),
        files.file(RunFiles.SERVICE_TIME_LOG),
        files.file(RunFiles.SCHEDULE_LAG_LOG),
        files.file(RunFiles.TIME_SERIES));
  }

  /** The whole run's percentile tables (.hgrm) and summary.json. */
  void finish(Totals totals, RunSummary summary) throws IOException {
    files.writeHgrm(RunFiles.RESPONSE_TIME_HGRM, totals.responseTime());
    files.writeHgrm(RunFiles.SERVICE_TIME_HGRM, totals.serviceTime());
    files.writeHgrm(RunFiles.SCHEDULE_LAG_HGRM, totals.scheduleLag());
    ResultJson.write(files.file(RunFiles.SUMMARY), summary);
  }
}
