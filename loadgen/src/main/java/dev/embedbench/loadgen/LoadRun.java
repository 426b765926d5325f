package dev.embedbench.loadgen;

import dev.embedbench.loadgen.driver.Driver;
import dev.embedbench.loadgen.driver.HttpClientKind;
import dev.embedbench.loadgen.driver.ResponseValidator;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.record.IntervalReporter;
import dev.embedbench.loadgen.record.IntervalStats;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.record.Totals;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.results.EnvironmentInfo;
import dev.embedbench.results.GeneratorInfo;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One bounded load run, from prepared workload to written run directory. {@link #execute()} blocks
 * the calling thread (never an event loop) until the run ends: its duration or request bound
 * reached, or {@link #stop} called (Ctrl-C, a sweep's early stop), in which case the results are
 * marked partial. The results are written in every case, an error included.
 *
 * <p>This class holds the run's lifecycle: start, stop, drain. What it runs on is built by {@link
 * SenderLoops} (event loops, clients, pools) and {@link RunDrivers} (the mode's drivers); {@link
 * RunDirectoryWriter} writes the files and {@link RunSummaryBuilder} the summary, judged by {@link
 * ValidityRules}.
 */
public final class LoadRun {

  /** How long a stopped run waits for requests in flight before counting them as abandoned. */
  private static final long STOP_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LoadConfig config;
  private final Workload workload;
  private final RunFiles files;
  private final RunDirectoryWriter writer;
  private final Path home;
  private final Consumer<String> console;
  private final CountDownLatch finished = new CountDownLatch(1);
  private Consumer<IntervalStats> intervalListener = stats -> {};
  private String command = "";
  private EnvironmentInfo environment;
  private volatile String stopReason;
  private volatile Driver driver;
  private int requestedEventLoops;
  private HttpClientKind requestedHttpClient;

  /**
   * @param home the embedbench checkout, for git's commit id
   * @param console progress and summary lines
   */
  public LoadRun(
      LoadConfig config, Workload workload, Path outDir, Path home, Consumer<String> console) {
    this.config = config;
    this.workload = workload;
    this.files = new RunFiles(outDir);
    this.writer = new RunDirectoryWriter(files);
    this.home = home;
    this.console = console;
  }

  /**
   * Drives the run from this many event loops (at most one per connection); default one per two
   * cores.
   */
  public LoadRun eventLoops(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("event loops must be >= 1, got " + count);
    }
    this.requestedEventLoops = count;
    return this;
  }

  /**
   * Sends through this client; by default the lean HTTP/1.1 one for http:// targets, Vert.x's for
   * https://.
   */
  public LoadRun httpClient(HttpClientKind kind) {
    kind.requireSupports(config.targetUrl());
    this.requestedHttpClient = kind;
    return this;
  }

  public LoadRun onInterval(Consumer<IntervalStats> listener) {
    this.intervalListener = listener;
    return this;
  }

  /** The command line that started the run, recorded in summary.json. */
  public LoadRun command(String commandLine) {
    this.command = commandLine;
    return this;
  }

  /** The environment to record, when the caller captured it already (a sweep captures it once). */
  public LoadRun environment(EnvironmentInfo captured) {
    this.environment = captured;
    return this;
  }

  public Path dir() {
    return files.dir();
  }

  /**
   * Ends the run early; its results are written and marked partial with this reason. Any thread.
   */
  public void stop(String reason) {
    if (finished.getCount() == 0) {
      return;
    }
    if (stopReason == null) {
      stopReason = reason;
    }
    Driver current = driver;
    if (current != null) {
      current.stop();
    }
  }

  /** Waits until the results are written (for a shutdown hook); false if they were not in time. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }

  public RunSummary execute() throws IOException {
    try {
      return executeInside();
    } finally {
      finished.countDown();
    }
  }

  private RunSummary executeInside() throws IOException {
    Instant startedAt = Instant.now();
    int loops = SenderLoops.count(config, requestedEventLoops);
    HttpClientKind httpClient =
        requestedHttpClient != null
            ? requestedHttpClient
            : HttpClientKind.defaultFor(config.targetUrl());
    GeneratorInfo generator = new GeneratorInfo(loops, httpClient.label());
    if (environment == null) {
      environment = EnvironmentInfo.capture(home);
    }
    writer.start(config, generator, environment);
    RunRecorder recorder = new RunRecorder();
    ResponseValidator validator =
        new ResponseValidator(
            config.workload().dimensions() == null ? 0 : config.workload().dimensions(),
            config.checkNorm());
    try (SenderLoops senders =
        new SenderLoops(config, workload, httpClient, loops, recorder, validator)) {
      TargetClient target = senders.probeClient();
      String kind = probeKind(target);
      long warmupNanos = config.warmup().toNanos();
      long endNanos = warmupNanos + config.duration().toNanos();
      RunClock clock = RunClock.startingNow(warmupNanos);
      IntervalReporter reporter =
          new IntervalReporter(
              recorder,
              clock,
              config.mode() instanceof OpenLoop open ? open.ratePerSecond() : null,
              endNanos / 1e9,
              TimeUnit.SECONDS.toNanos(1),
              writer.intervalFiles(),
              console,
              intervalListener);
      driver = RunDrivers.of(config, workload, senders.senders(), recorder, clock, endNanos);
      reporter.start();
      SendWindow window = drive(clock, endNanos);
      recorder.close();
      Totals totals = reporter.finish();
      RunSummary summary =
          new RunSummaryBuilder(config, workload, environment, command)
              .build(
                  startedAt,
                  Instant.now(),
                  target.baseUrl(),
                  kind,
                  totals,
                  recorder.failureSamples(),
                  validator.dimensions(),
                  warmupNanos,
                  window.dispatchEndNanos(),
                  window.runEndNanos(),
                  window.failure() != null ? window.failure() : stopReason,
                  generator);
      writer.finish(totals, summary);
      return summary;
    }
  }

  /**
   * When the run sent its last request and when the last one ended or was abandoned, as offsets
   * from its start; and the error that ended it, if one did.
   */
  private record SendWindow(long dispatchEndNanos, long runEndNanos, String failure) {}

  /** Starts the driver (already stopped if the run was) and waits for its requests to drain. */
  private SendWindow drive(RunClock clock, long endNanos) {
    try {
      if (stopReason != null) {
        driver.stop();
      }
      long dispatchEndNanos = awaitDispatch(driver.start(), clock, endNanos);
      drain(driver);
      return new SendWindow(dispatchEndNanos, clock.elapsedNanos(), null);
    } catch (RuntimeException e) {
      driver.stop();
      return new SendWindow(
          Math.min(clock.elapsedNanos(), endNanos), clock.elapsedNanos(), "fatal error: " + e);
    }
  }

  private String probeKind(TargetClient target) {
    long waitMillis = Math.min(5_000, config.requestTimeout().toMillis());
    try {
      return target
          .probeKind(config.model())
          .toCompletionStage()
          .toCompletableFuture()
          .get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return TargetClient.UNKNOWN_KIND;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TargetClient.UNKNOWN_KIND;
    }
  }

  /** Returns the end of the send window, as an offset from the run's start. */
  private long awaitDispatch(CompletableFuture<Long> dispatched, RunClock clock, long endNanos) {
    // The driver ends itself at endNanos; the slack only guards against a stuck event loop.
    long limitNanos = endNanos + TimeUnit.SECONDS.toNanos(10);
    try {
      return dispatched.get(limitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      stop("dispatcher did not finish in time");
    } catch (ExecutionException e) {
      throw new IllegalStateException("dispatcher failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop("interrupted");
    }
    return Math.min(clock.elapsedNanos(), endNanos);
  }

  /**
   * Waits for requests in flight: up to the request timeout twice (pool wait, then response), or 1
   * s if stopped.
   */
  private void drain(Driver running) {
    long start = System.nanoTime();
    long limitNanos = 2 * config.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
    while (running.outstanding() > 0) {
      long waited = System.nanoTime() - start;
      if (waited > (stopReason != null ? STOP_DRAIN_NANOS : limitNanos)) {
        return;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop("interrupted");
        return;
      }
    }
  }
}
