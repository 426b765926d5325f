package dev.embedbench.reports.read;

import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.RequestCounts;
import dev.embedbench.results.TargetKind;
import java.nio.file.Path;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One load-generator run directory as read: its summary figures, and its histograms (nanoseconds)
 * when the interval logs are there. Histograms are mutable, so they stay inside this package.
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
    Optional<Histogram> serviceNanos) {}
