package dev.embedbench.reports.read;

import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.PercentileSpectrum;
import dev.embedbench.reports.model.RequestCounts;
import dev.embedbench.reports.model.RunStats;
import dev.embedbench.results.RunMerger;
import dev.embedbench.results.RunSummary;
import dev.embedbench.results.TargetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One load-generator run directory as read: its summary (as read, and as report figures), and its
 * histograms (nanoseconds) when the interval logs are there. Histograms are mutable, so they stay
 * inside this package.
 */
record LoadgenRun(
    Path dir,
    String model,
    TargetKind kind,
    Optional<Double> targetRatePerSecond,
    double achievedRatePerSecond,
    double measuredSeconds,
    RequestCounts requests,
    LatencyPercentiles responseTime,
    LatencyPercentiles serviceTime,
    boolean valid,
    boolean partial,
    Optional<Histogram> responseNanos,
    Optional<Histogram> serviceNanos,
    RunSummary summary) {

  /**
   * Report figures of one run, or of several concurrent runs of the same model. One run keeps its
   * summary's percentiles exactly. Several are merged by {@link RunMerger#mergeInMemory} through
   * their histograms: percentiles recomputed from the merged distribution at full precision (never
   * averaged), counts and rates added.
   */
  static RunStats stats(List<LoadgenRun> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    if (runs.size() == 1) {
      LoadgenRun run = runs.get(0);
      PercentileSpectrum spectrum =
          run.responseNanos()
              .map(Spectra::fromHistogram)
              .orElseGet(() -> Spectra.fromSummary(run.responseTime(), run.requests().ok()));
      return new RunStats(
          run.targetRatePerSecond(),
          run.achievedRatePerSecond(),
          run.requests(),
          run.responseTime(),
          run.serviceTime(),
          spectrum,
          run.valid(),
          run.partial(),
          List.of(run.dir().toString()));
    }
    List<RunMerger.RunInMemory> inMemory = new ArrayList<>();
    for (LoadgenRun run : runs) {
      inMemory.add(
          new RunMerger.RunInMemory(
              run.summary(),
              run.responseNanos().orElseThrow(() -> missingLog(run, "response-time")),
              run.serviceNanos().orElseThrow(() -> missingLog(run, "service-time"))));
    }
    RunMerger.MergedRuns merged = RunMerger.mergeInMemory(inMemory);
    RunSummary.Requests requests = merged.requests();
    return new RunStats(
        Optional.ofNullable(merged.targetRate()),
        merged.achievedRate(),
        new RequestCounts(
            requests.scheduled(), requests.ok(), requests.failed(), requests.notSent()),
        Spectra.percentiles(merged.responseNanos()),
        Spectra.percentiles(merged.serviceNanos()),
        Spectra.fromHistogram(merged.responseNanos()),
        merged.valid(),
        merged.partial(),
        runs.stream().map(run -> run.dir().toString()).toList());
  }

  private static RunDirectoryException missingLog(LoadgenRun run, String metric) {
    return new RunDirectoryException(
        run.dir()
            + ": no "
            + metric
            + " histogram log (*"
            + SummaryFiles.LOG_SUFFIX
            + "); runs of model '"
            + run.model()
            + "' from several directories merge only through their logs");
  }
}
