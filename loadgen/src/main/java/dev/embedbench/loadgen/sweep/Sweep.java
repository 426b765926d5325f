package dev.embedbench.loadgen.sweep;

import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.LoadMode;
import dev.embedbench.loadgen.LoadRun;
import dev.embedbench.loadgen.record.IntervalStats;
import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.result.EnvironmentInfo;
import dev.embedbench.loadgen.result.ResultJson;
import dev.embedbench.loadgen.result.RunSummary;
import dev.embedbench.loadgen.workload.Workload;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Finds the highest open-loop rate that meets an SLO: raises the rate step by step until a step fails,
 * then bisects between the last pass and the first failure. A step stops early once it is clearly
 * over-saturated (its p99 so far over {@value #SATURATION_FACTOR} times the SLO's). Runs on the calling
 * thread, one {@link LoadRun} at a time; each step's run directory sits under the sweep's directory.
 */
public final class Sweep {

  static final double SATURATION_FACTOR = 4;
  /** Bisection stops once the bracket is narrower than this fraction of the passing rate. */
  static final double RESOLUTION = 0.02;

  private final LoadConfig base;
  private final Workload workload;
  private final SweepPlan plan;
  private final Slo slo;
  private final Integer fixedConnections;
  private final Path dir;
  private final Path home;
  private final Consumer<String> console;
  private final List<SweepStep> steps = new ArrayList<>();
  private long stepNanos;
  private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
  private volatile String stopReason;
  private volatile LoadRun current;
  private String command = "";
  private EnvironmentInfo environment;

  /**
   * @param base an open-loop config: each step runs it at its own rate
   * @param fixedConnections null to size the pool for each step's rate
   */
  public Sweep(LoadConfig base, Workload workload, SweepPlan plan, Slo slo, Integer fixedConnections, Path dir,
      Path home, Consumer<String> console) {
    if (base.mode() != LoadMode.OPEN) {
      throw new IllegalArgumentException("a sweep raises an open-loop rate; it cannot run a closed loop");
    }
    this.base = base;
    this.workload = workload;
    this.plan = plan;
    this.slo = slo;
    this.fixedConnections = fixedConnections;
    this.dir = dir;
    this.home = home;
    this.console = console;
  }

  public Sweep command(String commandLine) {
    this.command = commandLine;
    return this;
  }

  /** Ends the sweep: the step in progress is stopped and kept as partial. Any thread. */
  public void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    LoadRun run = current;
    if (run != null) {
      run.stop(reason);
    }
  }

  /** Waits until sweep.json is written (for a shutdown hook); false if it was not in time. */
  public boolean awaitFinished(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }

  public SweepResult run() throws IOException {
    try {
      return runSteps();
    } finally {
      finished.countDown();
    }
  }

  private SweepResult runSteps() throws IOException {
    Files.createDirectories(dir);
    Instant startedAt = Instant.now();
    environment = EnvironmentInfo.capture(home);
    long deadlineNanos = System.nanoTime() + plan.maxTotal().toNanos();
    stepNanos = base.warmup().toNanos() + base.duration().toNanos();
    Double lastPass = null;
    Double firstFail = null;
    String stoppedBecause = null;
    String kind = "unknown";
    double rate = plan.startRate();
    // Ramp.
    while (stoppedBecause == null) {
      if (rate > plan.maxRate()) {
        stoppedBecause = "reached the max rate " + plan.maxRate() + " without breaking the SLO";
        break;
      }
      stoppedBecause = budgetExhausted(deadlineNanos);
      if (stoppedBecause != null) {
        break;
      }
      SweepStep step = runStep("ramp", rate);
      kind = step.summary().target().kind();
      if (stopReason != null) {
        // An interrupted step says nothing about the rate: it neither passes nor fails it.
        stoppedBecause = "stopped: " + stopReason;
        break;
      }
      if (!step.pass()) {
        firstFail = rate;
        break;
      }
      lastPass = rate;
      rate = plan.next(rate);
    }
    // Bisect between the last pass and the first failure.
    if (stoppedBecause == null && lastPass == null) {
      stoppedBecause = "the start rate " + plan.startRate() + "/s already breaks the SLO; start lower";
    }
    for (int i = 0; stoppedBecause == null && i < plan.bisectSteps(); i++) {
      if (firstFail - lastPass < RESOLUTION * lastPass) {
        break;
      }
      stoppedBecause = budgetExhausted(deadlineNanos);
      if (stoppedBecause != null) {
        break;
      }
      double mid = (lastPass + firstFail) / 2;
      boolean pass = runStep("bisect", mid).pass();
      if (stopReason != null) {
        stoppedBecause = "stopped: " + stopReason;
        break;
      }
      if (pass) {
        lastPass = mid;
      } else {
        firstFail = mid;
      }
    }
    if (stoppedBecause == null) {
      stoppedBecause = "bracketed the highest passing rate";
    }
    SweepResult result = new SweepResult(SweepResult.SCHEMA_VERSION, base.name(), startedAt.toString(),
        Instant.now().toString(), new RunSummary.Target(steps.isEmpty() ? base.targetUrl()
            : steps.get(0).summary().target().url(), base.model(), kind), slo,
        plan.describe(base.duration(), base.warmup()), steps, lastPass, firstFail, stoppedBecause,
        stopReason != null);
    ResultJson.write(dir.resolve("sweep.json"), result);
    writeCsv();
    return result;
  }

  /** Whether the next step may run: it is expected to take as long as the last one did, at least as planned. */
  private String budgetExhausted(long deadlineNanos) {
    if (stopReason != null) {
      return "stopped: " + stopReason;
    }
    if (steps.size() >= plan.maxSteps()) {
      return "reached the max of " + plan.maxSteps() + " steps";
    }
    if (System.nanoTime() + stepNanos > deadlineNanos) {
      return "the next step would overrun the sweep's time budget of " + plan.maxTotal().toSeconds() + " s";
    }
    return null;
  }

  private SweepStep runStep(String stage, double rate) throws IOException {
    int number = steps.size() + 1;
    String name = String.format(Locale.ROOT, "%s-step%02d", base.name(), number);
    String stepDir = String.format(Locale.ROOT, "step-%02d-rate-%s", number, rateLabel(rate));
    int connections = fixedConnections != null ? fixedConnections
        : LoadConfig.defaultConnections(LoadMode.OPEN, rate, null);
    LoadConfig config = base.withRate(name.length() > 80 ? "sweep-step" : name, rate).withConnections(connections);
    LoadRun run = new LoadRun(config, workload, dir.resolve(stepDir), home, line -> { })
        .command(command).environment(environment);
    run.onInterval(stats -> stopIfSaturated(run, stats));
    current = run;
    if (stopReason != null) {
      run.stop(stopReason);
    }
    long startNanos = System.nanoTime();
    RunSummary summary = run.execute();
    stepNanos = Math.max(base.warmup().toNanos() + base.duration().toNanos(), System.nanoTime() - startNanos);
    current = null;
    List<String> reasons = judge(summary);
    SweepStep step = new SweepStep(number, stage, rate, stepDir, reasons.isEmpty(), reasons,
        summary.achievedRate(), summary.responseTimeMs().p50(), summary.responseTimeMs().p99(), summary.errorRate(),
        summary);
    steps.add(step);
    console.accept(String.format(Locale.ROOT, "step %2d %-6s rate %9.2f/s  achieved %9.2f/s  p50 %9.2f ms  "
            + "p99 %9.2f ms  errors %6.2f%%  %s", number, stage, rate, summary.achievedRate(),
        summary.responseTimeMs().p50(), summary.responseTimeMs().p99(), 100 * summary.errorRate(),
        reasons.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", reasons)));
    return step;
  }

  private void stopIfSaturated(LoadRun run, IntervalStats stats) {
    if (stats.phase() == Phase.MEASURE && stats.cumulativeResponse().count() > 0
        && stats.cumulativeResponse().p99() > SATURATION_FACTOR * slo.p99Ms()) {
      run.stop(String.format(Locale.ROOT, "over-saturated: p99 so far %.1f ms is over %.0f times the SLO",
          stats.cumulativeResponse().p99(), SATURATION_FACTOR));
    }
  }

  /** Why a step fails the SLO; empty when it passes. */
  List<String> judge(RunSummary summary) {
    List<String> reasons = new ArrayList<>();
    if (summary.requests().ok() == 0) {
      reasons.add("no request succeeded");
    }
    if (summary.responseTimeMs().p99() > slo.p99Ms()) {
      reasons.add(String.format(Locale.ROOT, "p99 %.2f ms > SLO %.2f ms", summary.responseTimeMs().p99(),
          slo.p99Ms()));
    }
    if (summary.errorRate() > slo.maxErrorRate()) {
      reasons.add(String.format(Locale.ROOT, "error rate %.4f > SLO %.4f", summary.errorRate(), slo.maxErrorRate()));
    }
    if (!summary.valid()) {
      reasons.add("invalid run: " + String.join("; ", summary.invalidReasons()));
    }
    if (summary.partial()) {
      reasons.add("stopped early: " + summary.partialReason());
    }
    return reasons;
  }

  private void writeCsv() throws IOException {
    String[] header = {"step", "stage", "rate", "achieved_rate", "ok", "failed", "not_sent", "error_rate", "p50_ms",
        "p90_ms", "p99_ms", "max_ms", "service_p99_ms", "pass", "reasons", "dir"};
    try (Writer writer = Files.newBufferedWriter(dir.resolve("sweep.csv"), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
      for (SweepStep step : steps) {
        RunSummary s = step.summary();
        csv.printRecord(step.step(), step.stage(), step.rate(), s.achievedRate(), s.requests().ok(),
            s.requests().failedTotal(), s.requests().notSent(), s.errorRate(), s.responseTimeMs().p50(),
            s.responseTimeMs().p90(), s.responseTimeMs().p99(), s.responseTimeMs().max(), s.serviceTimeMs().p99(),
            step.pass(), String.join("; ", step.reasons()), step.dir());
      }
    }
  }

  private static String rateLabel(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
  }
}
