package dev.embedbench.reports.read;

import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.PercentileSpectrum;
import dev.embedbench.reports.model.RequestCounts;
import dev.embedbench.reports.model.RunStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** Turns one run, or several concurrent runs of the same model, into report figures. */
final class RunMerger {

  private RunMerger() {}

  /**
   * One run keeps its summary's percentiles exactly. Several runs are merged through their
   * histograms: percentiles are recomputed from the merged distribution (never averaged), counts
   * and rates added.
   */
  static RunStats merge(List<LoadgenRun> runs) {
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
    Histogram response = new Histogram(3);
    Histogram service = new Histogram(3);
    RequestCounts requests = new RequestCounts(0, 0, Map.of(), 0);
    double achievedRate = 0;
    double targetRate = 0;
    boolean allTargeted = true;
    boolean valid = true;
    boolean partial = false;
    for (LoadgenRun run : runs) {
      response.add(run.responseNanos().orElseThrow(() -> missingLog(run, "response-time")));
      service.add(run.serviceNanos().orElseThrow(() -> missingLog(run, "service-time")));
      requests = requests.plus(run.requests());
      achievedRate += run.achievedRatePerSecond();
      allTargeted &= run.targetRatePerSecond().isPresent();
      targetRate += run.targetRatePerSecond().orElse(0.0);
      valid &= run.valid();
      partial |= run.partial();
    }
    LatencyPercentiles responseTime = Spectra.percentiles(response);
    LatencyPercentiles serviceTime = Spectra.percentiles(service);
    return new RunStats(
        allTargeted ? Optional.of(targetRate) : Optional.empty(),
        achievedRate,
        requests,
        responseTime,
        serviceTime,
        Spectra.fromHistogram(response),
        valid,
        partial,
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
