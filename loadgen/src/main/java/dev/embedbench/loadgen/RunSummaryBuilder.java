package dev.embedbench.loadgen;

import dev.embedbench.loadgen.driver.FailureClass;
import dev.embedbench.loadgen.record.Counts;
import dev.embedbench.loadgen.record.Totals;
import dev.embedbench.loadgen.workload.TokenCounting;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.results.EnvironmentInfo;
import dev.embedbench.results.GeneratorInfo;
import dev.embedbench.results.Percentiles;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished run's totals into its summary: rates over the measured window, validity, partial
 * flag.
 */
final class RunSummaryBuilder {

  private final LoadConfig config;
  private final Workload workload;
  private final EnvironmentInfo environment;
  private final String command;

  RunSummaryBuilder(
      LoadConfig config, Workload workload, EnvironmentInfo environment, String command) {
    this.config = config;
    this.workload = workload;
    this.environment = environment;
    this.command = command;
  }

  /**
   * @param dispatchEndNanos end of the send window (offset from the run's start)
   * @param runEndNanos when the last request finished or was abandoned (offset)
   * @param partialReason null for a run that reached its bounds
   */
  RunSummary build(
      Instant startedAt,
      Instant endedAt,
      String targetUrl,
      String kind,
      Totals totals,
      Map<String, String> failureSamples,
      int responseDimensions,
      long warmupNanos,
      long dispatchEndNanos,
      long runEndNanos,
      String partialReason,
      GeneratorInfo generator) {
    // Requests still in flight when recording closed never finished: they count as abandoned
    // failures.
    Counts measured = totals.measured().withInFlightAs(FailureClass.ABANDONED);
    Counts warmup = totals.warmup().withInFlightAs(FailureClass.ABANDONED);
    // Rates are per second of the send window: completions in the drain belong to requests sent in
    // it.
    double measuredS = Math.max(1e-9, (dispatchEndNanos - warmupNanos) / 1e9);
    double drainS = Math.max(0, (runEndNanos - dispatchEndNanos) / 1e9);
    double achievedRate = measured.sent() / measuredS;
    long completed = measured.ok() + measured.failed();
    double errorRate = completed == 0 ? 0 : (double) measured.failed() / completed;
    Percentiles response = Percentiles.of(totals.responseTime());
    Percentiles service = Percentiles.of(totals.serviceTime());
    Percentiles lag = Percentiles.of(totals.scheduleLag());
    List<String> invalid = ValidityRules.invalidReasons(config, measured, achievedRate, lag);
    TokenCounting counting = workload.tokenCounting();
    RunSummary.Throughput throughput =
        new RunSummary.Throughput(
            round(measured.ok() / measuredS),
            round(measured.inputsOk() / measuredS),
            round(measured.tokensOk() / measuredS),
            counting.label());
    RunSummary.Tokenizer tokenizer =
        counting.exact()
            ? new RunSummary.Tokenizer(counting.tokenizerFile(), counting.tokenizerSha256())
            : null;
    var spec = config.workload();
    RunSummary.WorkloadInfo workloadInfo =
        new RunSummary.WorkloadInfo(
            workload.sourceLabel(),
            spec.inputsPerRequest(),
            spec.tokens() == null ? null : spec.tokens().toString(),
            spec.effectiveEncoding().wireName(),
            spec.dimensions(),
            workload.distinctBodies(),
            round(workload.meanTokensPerInput()),
            round(workload.meanTokensPerRequest()),
            counting.label(),
            responseDimensions == 0 ? null : responseDimensions);
    OpenLoop open = config.mode() instanceof OpenLoop o ? o : null;
    return new RunSummary(
        RunSummary.SCHEMA_VERSION,
        config.name(),
        startedAt.toString(),
        endedAt.toString(),
        new RunSummary.Target(targetUrl, config.model(), kind),
        config.mode().label(),
        open == null ? null : open.arrival().label(),
        open == null ? null : open.ratePerSecond(),
        config.mode() instanceof ClosedLoop closed ? closed.concurrency() : null,
        config.connections(),
        warmupNanos / 1e9,
        config.duration().toNanos() / 1e9,
        round(measuredS),
        round(drainS),
        round(achievedRate),
        requests(measured),
        requests(warmup),
        round(errorRate),
        throughput,
        throughput.inputsPerS(),
        throughput.tokensPerS(),
        counting.label(),
        tokenizer,
        response,
        service,
        lag,
        invalid.isEmpty(),
        invalid,
        partialReason != null,
        partialReason,
        workloadInfo,
        failureSamples,
        environment,
        generator,
        command,
        RunFiles.listing());
  }

  private static RunSummary.Requests requests(Counts counts) {
    return new RunSummary.Requests(
        counts.scheduled(),
        counts.sent(),
        counts.ok(),
        counts.failures(),
        counts.failed(),
        counts.notSent());
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
