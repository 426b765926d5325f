package dev.embedbench.reports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of one measured load (a single run, or several concurrent runs merged).
 *
 * @param targetRatePerSecond the open-loop target rate; empty for a closed-loop run
 * @param responseTime latency from the intended send time (corrected for coordinated omission)
 * @param serviceTime latency from the actual send time
 * @param responseSpectrum the corrected latency's percentile spectrum
 * @param valid false when the generator could not keep its schedule
 * @param partial true when the run was cut short (interrupt or fatal error)
 * @param sourceDirs the run directories these figures come from
 */
public record RunStats(
    Optional<Double> targetRatePerSecond,
    double achievedRatePerSecond,
    RequestCounts requests,
    LatencyPercentiles responseTime,
    LatencyPercentiles serviceTime,
    PercentileSpectrum responseSpectrum,
    boolean valid,
    boolean partial,
    List<String> sourceDirs) {

  public RunStats {
    Objects.requireNonNull(
        targetRatePerSecond, "targetRatePerSecond must not be null (use Optional.empty())");
    Objects.requireNonNull(requests, "requests must not be null");
    Objects.requireNonNull(responseTime, "responseTime must not be null");
    Objects.requireNonNull(serviceTime, "serviceTime must not be null");
    Objects.requireNonNull(responseSpectrum, "responseSpectrum must not be null");
    sourceDirs = List.copyOf(sourceDirs);
    if (!(achievedRatePerSecond >= 0) || Double.isInfinite(achievedRatePerSecond)) {
      throw new IllegalArgumentException(
          "achievedRatePerSecond must be a finite number >= 0; got " + achievedRatePerSecond);
    }
    if (sourceDirs.isEmpty()) {
      throw new IllegalArgumentException("run figures must name at least one source directory");
    }
  }

  /** True when these figures come from more than one run directory merged. */
  public boolean merged() {
    return sourceDirs.size() > 1;
  }
}
