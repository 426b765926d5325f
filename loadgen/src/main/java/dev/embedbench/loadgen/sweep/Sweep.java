package dev.embedbench.loadgen.sweep;

import dev.embedbench.loadgen.ClosedLoop;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.LoadRun;
import dev.embedbench.loadgen.OpenLoop;
import dev.embedbench.loadgen.record.IntervalStats;
import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.results.Bracket;
import dev.embedbench.results.Capacity;
import dev.embedbench.results.EnvironmentInfo;
import dev.embedbench.results.Probe;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import dev.embedbench.results.Slo;
import dev.embedbench.results.SweepResult;
import dev.embedbench.results.SweepStep;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Finds the highest open-loop rate that meets an SLO. First a closed-loop probe keeps {@code
 * probeConcurrency} requests in flight and measures the saturation throughput; the first open-loop
 * step runs at it (or at the max rate, when lower) to set the upper bracket. Then bisection below
 * it finds the highest passing rate, within the plan's time and step budget. A capacity is
 * bracketed only by a failing step above it; otherwise it is a lower bound. {@code --repeat N} runs
 * N-1 more bisections in a window around the first answer; the capacity is their median with its
 * range. A step stops early once it is clearly over-saturated (its p99 so far over {@value
 * #SATURATION_FACTOR} times the SLO's). Runs on the calling thread, one {@link LoadRun} at a time;
 * each run directory sits under the sweep's directory.
 */
public final class Sweep {

  static final double SATURATION_FACTOR = 4;

  /** A search stops once its bracket is narrower than this fraction of its highest passing rate. */
  static final double RESOLUTION = 0.02;

  /** Above a passing first step the rate grows by this factor until a step fails. */
  static final double RAMP_FACTOR = 1.5;

  /** Requests in flight during the probe when neither the plan nor a fixed pool says. */
  public static final int DEFAULT_PROBE_CONCURRENCY = 64;

  private final LoadConfig base;
  private final OpenLoop openLoop;
  private final Workload workload;
  private final SweepPlan plan;
  private final Slo slo;
  private final Integer fixedConnections;
  private final Path dir;
  private final Path home;
  private final Consumer<String> console;
  private final List<SweepStep> steps = new ArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private long stepNanos;
  private volatile String stopReason;
  private volatile LoadRun current;
  private String command = "";
  private int repeats = 1;
  private EnvironmentInfo environment;

  /** One search's outcome: its highest passing rate and what bounds it from above. */
  private record Search(Double best, Double upper, Double firstFailing, String why) {}

  /**
   * @param base an open-loop config: each step runs it at its own rate
   * @param fixedConnections null to size the pool for each step's rate
   */
  public Sweep(
      LoadConfig base,
      Workload workload,
      SweepPlan plan,
      Slo slo,
      Integer fixedConnections,
      Path dir,
      Path home,
      Consumer<String> console) {
    if (!(base.mode() instanceof OpenLoop open)) {
      throw new IllegalArgumentException(
          "a sweep raises an open-loop rate; it cannot run a closed loop");
    }
    this.base = base;
    this.openLoop = open;
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

  /** How many searches to make; the capacity is their median. */
  public Sweep repeat(int searches) {
    if (searches < 1 || searches > 15) {
      throw new IllegalArgumentException("repeat must be in 1..15, got " + searches);
    }
    this.repeats = searches;
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
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }

  public SweepResult run() throws IOException {
    try {
      return runAll();
    } finally {
      finished.countDown();
    }
  }

  private int probeConcurrency() {
    if (plan.probeConcurrency() != null) {
      return plan.probeConcurrency();
    }
    return fixedConnections != null ? fixedConnections : DEFAULT_PROBE_CONCURRENCY;
  }

  private SweepResult runAll() throws IOException {
    Files.createDirectories(dir);
    Instant startedAt = Instant.now();
    environment = EnvironmentInfo.capture(home);
    long deadlineNanos = System.nanoTime() + plan.maxTotal().toNanos();
    stepNanos = base.warmup().toNanos() + base.duration().toNanos();
    Probe probe = probe();
    String kind = probe.summary().target().kind();
    List<Search> searches = new ArrayList<>();
    // The probe's saturation is the first rate tried: above what a closed loop completes nothing
    // should
    // be sustainable. When the probe got no answer (its requests in flight overwhelmed a slow
    // server),
    // the search starts at the start rate and rises from there.
    Double saturation = probe.usable() ? probe.saturationRequestsPerS() : null;
    double top = saturation != null ? Math.min(saturation, plan.maxRate()) : plan.startRate();
    Search first =
        stopReason != null
            ? new Search(null, null, null, "stopped: " + stopReason)
            : search(1, 0, top, false, deadlineNanos, plan.maxSteps());
    searches.add(first);
    if (first.best() != null) {
      // Without a valid failure above it, the first search's lowest failure (if any) is tried again
      // first.
      double windowTop =
          first.upper() != null
              ? first.upper()
              : first.firstFailing() != null ? first.firstFailing() : plan.maxRate();
      double width = Math.max(RESOLUTION * first.best(), windowTop - first.best());
      double windowFloor = Math.max(plan.startRate(), first.best() - 2 * width);
      for (int i = 2; i <= repeats && stopReason == null; i++) {
        // Each repeat has its own step budget; its window's top is the first search's lowest
        // failure.
        searches.add(
            search(
                i,
                windowFloor,
                windowTop,
                first.upper() != null,
                Long.MAX_VALUE,
                plan.bisectSteps()));
      }
    }
    if (!steps.isEmpty()) {
      kind = steps.get(0).summary().target().kind();
    }
    Capacity capacity = capacity(searches, saturation);
    String stoppedBecause =
        first.why()
            + (searches.size() > 1
                ? "; "
                    + (searches.size() - 1)
                    + " repeated search"
                    + (searches.size() > 2 ? "es" : "")
                : "");
    if (stopReason != null && !stoppedBecause.startsWith("stopped")) {
      stoppedBecause = "stopped: " + stopReason;
    }
    SweepResult result =
        new SweepResult(
            SweepResult.SCHEMA_VERSION,
            base.name(),
            startedAt.toString(),
            Instant.now().toString(),
            new RunSummary.Target(probe.summary().target().url(), base.model(), kind),
            slo,
            plan.describe(repeats, base.duration(), base.warmup(), probeConcurrency()),
            probe,
            steps,
            capacity == null ? null : capacity.requestsPerS(),
            first.firstFailing(),
            capacity,
            stoppedBecause,
            stopReason != null);
    ResultJson.write(dir.resolve("sweep.json"), result);
    writeCsv();
    console.accept(
        capacity == null
            ? "capacity: none, no rate met the SLO (" + stoppedBecause + ")"
            : "capacity: " + capacity.label());
    return result;
  }

  /**
   * Closed loop at the probe's concurrency: how much the server completes when it is never idle.
   */
  private Probe probe() throws IOException {
    int concurrency = probeConcurrency();
    String name = base.name().length() > 70 ? "sweep-probe" : base.name() + "-probe";
    LoadConfig config = base.with(name, new ClosedLoop(concurrency), concurrency);
    LoadRun run =
        new LoadRun(config, workload, dir.resolve(RunFiles.PROBE_DIR), home, line -> {})
            .command(command)
            .environment(environment);
    current = run;
    if (stopReason != null) {
      run.stop(stopReason);
    }
    RunSummary summary = run.execute();
    current = null;
    double saturation = saturation(summary, concurrency);
    // A probe cut short by its own drain limit still measured: only a stop or no answer makes it
    // unusable.
    boolean usable = stopReason == null && summary.requests().ok() > 0 && saturation > 0;
    console.accept(
        String.format(
            Locale.ROOT,
            "probe  closed loop, %d in flight: %9.2f req/s completed  p50 %9.2f ms"
                + "  errors %6.2f%%  %s",
            concurrency,
            saturation,
            summary.responseTimeMs().p50(),
            100 * summary.errorRate(),
            usable
                ? "saturation: the first rate to try"
                : "not usable: "
                    + (stopReason != null
                        ? "stopped"
                        : "no request succeeded; starting at the start rate")));
    return new Probe(concurrency, RunFiles.PROBE_DIR, saturation, usable, summary);
  }

  /**
   * Little's law, when every request succeeded: with {@code concurrency} always in flight, the
   * server completes concurrency / mean response time per second. Unlike a count over the window it
   * does not depend on where the window's edges cut the requests in flight, which matters in a
   * short probe. With failures (fast rejections would shorten the mean), the successes per second
   * of the window.
   */
  static double saturation(RunSummary summary, int concurrency) {
    double meanSeconds = summary.responseTimeMs().mean() / 1000;
    if (summary.requests().failedTotal() == 0 && summary.requests().ok() > 0 && meanSeconds > 0) {
      return Math.round(concurrency / meanSeconds * 1000.0) / 1000.0;
    }
    return summary.throughput().requestsPerS();
  }

  /**
   * One search. Unless {@code topFails} (a repeat's window, whose top failed in the first search),
   * it first runs a step at {@code top}: a failure there is the upper bracket; a pass means the
   * probe did not saturate the server (a batching server forms bigger batches under open-loop load
   * than the probe's in-flight requests allow), and the rate grows by {@value #RAMP_FACTOR} times
   * until a step fails or the max rate passes. Then it bisects between the highest pass (or {@code
   * floor}; never below the start rate) and the lowest failure.
   */
  private Search search(
      int index, double floor, double top, boolean topFails, long deadlineNanos, int maxSteps)
      throws IOException {
    Double pass = null;
    Double fail = topFails ? top : null;
    int count = 0;
    double rate = top;
    int firstStep = steps.size();
    while (fail == null) {
      String why = limit(count, maxSteps, deadlineNanos);
      if (why != null) {
        return new Search(pass, null, null, why);
      }
      count++;
      boolean passed = runStep(index, rate).pass();
      if (stopReason != null) {
        return new Search(pass, null, null, "stopped: " + stopReason);
      }
      if (!passed) {
        fail = rate;
      } else {
        pass = rate;
        if (rate >= plan.maxRate()) {
          return new Search(
              pass,
              null,
              null,
              "reached the max rate " + plan.maxRate() + "/s without breaking the SLO");
        }
        rate = Math.min(plan.maxRate(), round(rate * RAMP_FACTOR));
      }
    }
    String why;
    while (true) {
      if (pass != null && fail - pass < RESOLUTION * pass) {
        why = String.format(Locale.ROOT, "bracketed to within %.0f%%", 100 * RESOLUTION);
        break;
      }
      why = limit(count, maxSteps, deadlineNanos);
      if (why != null) {
        break;
      }
      rate = Math.max(plan.startRate(), round(((pass != null ? pass : floor) + fail) / 2));
      if (rate >= fail) {
        why = "no rate down to the start rate " + plan.startRate() + "/s met the SLO; start lower";
        break;
      }
      count++;
      boolean passed = runStep(index, rate).pass();
      if (stopReason != null) {
        // An interrupted step says nothing about its rate: it neither passes nor fails it.
        why = "stopped: " + stopReason;
        break;
      }
      if (passed) {
        pass = pass == null ? rate : Math.max(pass, rate);
      } else {
        fail = Math.min(fail, rate);
      }
    }
    return new Search(
        pass,
        pass == null ? null : upperBracket(pass, topFails ? top : null, firstStep),
        fail,
        why);
  }

  /**
   * The lowest rate above {@code pass} that failed in a valid step of this search (or the window's
   * top, a valid failure of the first search). A step the generator could not keep on schedule
   * steers the bisection down like a failure, but its latency (measured from the intended send
   * times) may be the generator's own lag: it brackets nothing.
   */
  private Double upperBracket(double pass, Double windowTop, int firstStep) {
    Double upper = windowTop;
    for (SweepStep step : steps.subList(firstStep, steps.size())) {
      if (!step.pass()
          && step.summary().valid()
          && step.rate() > pass
          && (upper == null || step.rate() < upper)) {
        upper = step.rate();
      }
    }
    return upper;
  }

  /**
   * Why the next step may not run: too many steps, or it would overrun the budget; null when it
   * may.
   */
  private String limit(int count, int maxSteps, long deadlineNanos) {
    if (count >= maxSteps) {
      return "reached the max of " + maxSteps + " steps";
    }
    return budgetLeft(deadlineNanos);
  }

  /**
   * Why the next step may not run: it is expected to take as long as the last one did, at least as
   * planned.
   */
  private String budgetLeft(long deadlineNanos) {
    if (stopReason != null) {
      return "stopped: " + stopReason;
    }
    if (System.nanoTime() + stepNanos > deadlineNanos) {
      return "the next step would overrun the sweep's time budget of "
          + plan.maxTotal().toSeconds()
          + " s";
    }
    return null;
  }

  private Capacity capacity(List<Search> searches, Double saturation) {
    List<Double> figures = searches.stream().map(Search::best).filter(b -> b != null).toList();
    if (figures.isEmpty()) {
      return null;
    }
    List<Search> answered = searches.stream().filter(s -> s.best() != null).toList();
    boolean bracketed = answered.stream().allMatch(s -> s.upper() != null);
    Double upper =
        bracketed ? Capacity.median(answered.stream().map(Search::upper).toList()) : null;
    return new Capacity(
        Capacity.median(figures),
        figures.stream().min(Double::compare).orElseThrow(),
        figures.stream().max(Double::compare).orElseThrow(),
        figures.size(),
        bracketed ? Bracket.BRACKETED : Bracket.LOWER_BOUND,
        upper,
        saturation,
        figures,
        round(workload.meanTokensPerInput()),
        base.workload().inputsPerRequest(),
        workload.tokenCounting().label());
  }

  private SweepStep runStep(int search, double rate) throws IOException {
    int number = steps.size() + 1;
    String name = String.format(Locale.ROOT, "%s-step%02d", base.name(), number);
    String stepDir = String.format(Locale.ROOT, "step-%02d-rate-%s", number, rateLabel(rate));
    int connections =
        fixedConnections != null ? fixedConnections : OpenLoop.defaultConnections(rate);
    LoadConfig config =
        base.with(name.length() > 80 ? "sweep-step" : name, openLoop.withRate(rate), connections);
    LoadRun run =
        new LoadRun(config, workload, dir.resolve(stepDir), home, line -> {})
            .command(command)
            .environment(environment);
    run.onInterval(stats -> stopIfSaturated(run, stats));
    current = run;
    if (stopReason != null) {
      run.stop(stopReason);
    }
    long startNanos = System.nanoTime();
    RunSummary summary = run.execute();
    stepNanos =
        Math.max(
            base.warmup().toNanos() + base.duration().toNanos(), System.nanoTime() - startNanos);
    current = null;
    List<String> reasons = judge(summary);
    SweepStep step =
        new SweepStep(
            number,
            search,
            "bisect",
            rate,
            stepDir,
            reasons.isEmpty(),
            reasons,
            summary.achievedRate(),
            summary.responseTimeMs().p50(),
            summary.responseTimeMs().p99(),
            summary.errorRate(),
            summary);
    steps.add(step);
    console.accept(
        String.format(
            Locale.ROOT,
            "step %2d search %d rate %9.2f/s  achieved %9.2f/s  p50 %9.2f ms  "
                + "p99 %9.2f ms  errors %6.2f%%  %s",
            number,
            search,
            rate,
            summary.achievedRate(),
            summary.responseTimeMs().p50(),
            summary.responseTimeMs().p99(),
            100 * summary.errorRate(),
            reasons.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", reasons)));
    return step;
  }

  private void stopIfSaturated(LoadRun run, IntervalStats stats) {
    if (stats.phase() == Phase.MEASURE
        && stats.cumulativeResponse().count() > 0
        && stats.cumulativeResponse().p99() > SATURATION_FACTOR * slo.p99Millis()) {
      run.stop(
          String.format(
              Locale.ROOT,
              "over-saturated: p99 so far %.1f ms is over %.0f times the SLO",
              stats.cumulativeResponse().p99(),
              SATURATION_FACTOR));
    }
  }

  /** Why a step fails the SLO; empty when it passes. */
  List<String> judge(RunSummary summary) {
    List<String> reasons = new ArrayList<>();
    if (summary.requests().ok() == 0) {
      reasons.add("no request succeeded");
    }
    if (summary.responseTimeMs().p99() > slo.p99Millis()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "p99 %.2f ms > SLO %.2f ms",
              summary.responseTimeMs().p99(),
              slo.p99Millis()));
    }
    if (summary.errorRate() > slo.maxErrorRate()) {
      reasons.add(
          String.format(
              Locale.ROOT, "error rate %.4f > SLO %.4f", summary.errorRate(), slo.maxErrorRate()));
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
    String[] header = {
      "step",
      "search",
      "stage",
      "rate",
      "achieved_rate",
      "ok",
      "failed",
      "not_sent",
      "error_rate",
      "p50_ms",
      "p90_ms",
      "p99_ms",
      "max_ms",
      "service_p99_ms",
      "pass",
      "reasons",
      "dir"
    };
    try (Writer writer = Files.newBufferedWriter(dir.resolve("sweep.csv"), StandardCharsets.UTF_8);
        CSVPrinter csv =
            new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
      for (SweepStep step : steps) {
        RunSummary s = step.summary();
        csv.printRecord(
            step.step(),
            step.search(),
            step.stage(),
            step.rate(),
            s.achievedRate(),
            s.requests().ok(),
            s.requests().failedTotal(),
            s.requests().notSent(),
            s.errorRate(),
            s.responseTimeMs().p50(),
            s.responseTimeMs().p90(),
            s.responseTimeMs().p99(),
            s.responseTimeMs().max(),
            s.serviceTimeMs().p99(),
            step.pass(),
            String.join("; ", step.reasons()),
            step.dir());
      }
    }
  }

  /**
   * Rates and figures to a thousandth: finer than any step can resolve, and readable in sweep.json.
   */
  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }

  private static String rateLabel(double rate) {
    return rate == Math.rint(rate)
        ? Long.toString((long) rate)
        : String.format(Locale.ROOT, "%.2f", rate);
  }
}
