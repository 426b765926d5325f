package dev.embedbench.loadgen;

import dev.embedbench.loadgen.driver.ClosedLoopDriver;
import dev.embedbench.loadgen.driver.Driver;
import dev.embedbench.loadgen.driver.Http1Sender;
import dev.embedbench.loadgen.driver.HttpClientKind;
import dev.embedbench.loadgen.driver.LoopGroup;
import dev.embedbench.loadgen.driver.LoopShare;
import dev.embedbench.loadgen.driver.OpenLoopDriver;
import dev.embedbench.loadgen.driver.RequestSender;
import dev.embedbench.loadgen.driver.ResponseValidator;
import dev.embedbench.loadgen.driver.Sender;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.http.EncodedRequests;
import dev.embedbench.loadgen.http.Http1Pool;
import dev.embedbench.loadgen.record.Counts;
import dev.embedbench.loadgen.record.IntervalReporter;
import dev.embedbench.loadgen.record.IntervalStats;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.results.EnvironmentInfo;
import dev.embedbench.results.GeneratorInfo;
import dev.embedbench.results.Percentiles;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One bounded load run, from prepared workload to written run directory. {@link #execute()} blocks
 * the calling thread (never an event loop) until the run ends: its duration or request bound
 * reached, or {@link #stop} called (Ctrl-C, a sweep's early stop), in which case the results are
 * marked partial. The results are written in every case, an error included.
 */
public final class LoadRun {

  /** How long a stopped run waits for requests in flight before counting them as abandoned. */
  private static final long STOP_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LoadConfig config;
  private final Workload workload;
  private final RunFiles files;
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
    Files.createDirectories(files.dir());
    Instant startedAt = Instant.now();
    int loops = eventLoops();
    HttpClientKind httpClient = httpClient();
    GeneratorInfo generator = new GeneratorInfo(loops, httpClient.label());
    Map<String, Object> described = config.describe();
    described.put("event_loops", generator.eventLoops());
    described.put("http_client", generator.httpClient());
    ResultJson.write(files.file(RunFiles.CONFIG), described);
    if (environment == null) {
      environment = EnvironmentInfo.capture(home);
    }
    ResultJson.write(files.file(RunFiles.ENVIRONMENT), environment);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    List<TargetClient> targets = new ArrayList<>();
    List<Http1Pool> pools = new ArrayList<>();
    EncodedRequests encoded = null;
    try {
      if (httpClient == HttpClientKind.VERTX) {
        for (int loop = 0; loop < loops; loop++) {
          targets.add(
              new TargetClient(
                  vertx,
                  config.targetUrl(),
                  config.apiKey(),
                  new LoopShare(loop, loops).of(config.connections()),
                  config.requestTimeout()));
        }
      } else {
        // The Vert.x client only asks the target for its model list; the load goes through the
        // pools.
        targets.add(
            new TargetClient(
                vertx, config.targetUrl(), config.apiKey(), 1, config.requestTimeout()));
        encoded = encode(targets.get(0));
      }
      TargetClient target = targets.get(0);
      String kind = probeKind(target);
      RunRecorder recorder = new RunRecorder();
      ResponseValidator validator =
          new ResponseValidator(
              config.workload().dimensions() == null ? 0 : config.workload().dimensions(),
              config.checkNorm());
      long warmupNanos = config.warmup().toNanos();
      long endNanos = warmupNanos + config.duration().toNanos();
      RunClock clock = RunClock.startingNow(warmupNanos);
      IntervalReporter reporter =
          new IntervalReporter(
              recorder,
              clock,
              config.ratePerSecond(),
              endNanos / 1e9,
              TimeUnit.SECONDS.toNanos(1),
              new IntervalReporter.Files(
                  files.file(RunFiles.RESPONSE_TIME_LOG),
                  files.file(RunFiles.SERVICE_TIME_LOG),
                  files.file(RunFiles.SCHEDULE_LAG_LOG),
                  files.file(RunFiles.TIME_SERIES)),
              console,
              intervalListener);
      driver =
          drivers(
              loops,
              senders(vertx, loops, targets, encoded, pools, recorder, validator),
              recorder,
              clock,
              endNanos);
      String failure = null;
      long dispatchEndNanos;
      long runEndNanos;
      reporter.start();
      try {
        if (stopReason != null) {
          driver.stop();
        }
        dispatchEndNanos = awaitDispatch(driver.start(), clock, endNanos);
        drain(driver);
        runEndNanos = clock.elapsedNanos();
      } catch (RuntimeException e) {
        failure = "fatal error: " + e;
        driver.stop();
        dispatchEndNanos = Math.min(clock.elapsedNanos(), endNanos);
        runEndNanos = clock.elapsedNanos();
      }
      recorder.close();
      var totals = reporter.finish();
      String partialReason = failure != null ? failure : stopReason;
      RunSummaryBuilder builder = new RunSummaryBuilder(config, workload, environment, command);
      RunSummary summary =
          builder.build(
              startedAt,
              Instant.now(),
              target.baseUrl(),
              kind,
              totals,
              recorder.failureSamples(),
              validator.dimensions(),
              warmupNanos,
              dispatchEndNanos,
              runEndNanos,
              partialReason,
              generator);
      files.writeHgrm(RunFiles.RESPONSE_TIME_HGRM, totals.responseTime());
      files.writeHgrm(RunFiles.SERVICE_TIME_HGRM, totals.serviceTime());
      files.writeHgrm(RunFiles.SCHEDULE_LAG_HGRM, totals.scheduleLag());
      ResultJson.write(files.file(RunFiles.SUMMARY), summary);
      return summary;
    } finally {
      pools.forEach(Http1Pool::close);
      targets.forEach(TargetClient::close);
      closeQuietly(vertx);
      if (encoded != null) {
        encoded.close();
      }
    }
  }

  private HttpClientKind httpClient() {
    return requestedHttpClient != null
        ? requestedHttpClient
        : HttpClientKind.defaultFor(config.targetUrl());
  }

  /** Every distinct body of the workload as wire bytes, in the workload's order. */
  private EncodedRequests encode(TargetClient target) {
    List<byte[]> bodies = new ArrayList<>(workload.distinctBodies());
    for (int i = 0; i < workload.distinctBodies(); i++) {
      bodies.add(workload.request(i).body().getBytes());
    }
    return EncodedRequests.encode(URI.create(target.embeddingsUrl()), config.apiKey(), bodies);
  }

  /**
   * One sender per event loop, each with its loop's share of the connections. With the lean client
   * each loop's pool is made here, bound to the loop of the context its driver will run on.
   */
  private List<LoopSender> senders(
      Vertx vertx,
      int loops,
      List<TargetClient> targets,
      EncodedRequests encoded,
      List<Http1Pool> pools,
      RunRecorder recorder,
      ResponseValidator validator) {
    List<LoopSender> senders = new ArrayList<>();
    for (int loop = 0; loop < loops; loop++) {
      // Each new event-loop context takes the next loop of the pool, which has one loop per driver.
      ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
      if (encoded == null) {
        senders.add(
            new LoopSender(
                context,
                new RequestSender(
                    targets.get(loop).http(),
                    targets.get(loop).embeddingsRequest(),
                    recorder,
                    validator,
                    config.readValuesEvery())));
      } else {
        Http1Pool pool =
            new Http1Pool(
                context.nettyEventLoop(),
                ((VertxInternal) vertx).transport().channelFactory(false),
                encoded,
                new LoopShare(loop, loops).of(config.connections()),
                config.requestTimeout());
        pools.add(pool);
        senders.add(
            new LoopSender(
                context, new Http1Sender(pool, recorder, validator, config.readValuesEvery())));
      }
    }
    return senders;
  }

  /** A driver's event-loop context and the sender it dispatches to, which runs on that loop. */
  private record LoopSender(Context context, Sender sender) {}

  /**
   * One driver per event loop, each with its share of the connections and of the requests (open
   * loop: the indices congruent to its number; closed loop: its share of the workers), over one
   * recorder. Each loop's connections are opened from its own context, so its responses are read on
   * its thread.
   */
  private Driver drivers(
      int loops, List<LoopSender> senders, RunRecorder recorder, RunClock clock, long endNanos) {
    long maxRequests = config.maxRequests() == null ? Long.MAX_VALUE : config.maxRequests();
    List<Driver> parts = new ArrayList<>();
    AtomicLong outstanding = new AtomicLong();
    ClosedLoopDriver.Shared shared = new ClosedLoopDriver.Shared();
    long endIndex = Long.MAX_VALUE;
    if (config.mode() == LoadMode.OPEN && maxRequests != Long.MAX_VALUE) {
      long firstMeasured =
          OpenLoopDriver.firstMeasuredIndex(
              config.arrival().sequence(config.ratePerSecond(), config.seed()),
              clock.warmupNanos());
      endIndex = firstMeasured + maxRequests < 0 ? Long.MAX_VALUE : firstMeasured + maxRequests;
    }
    for (int loop = 0; loop < loops; loop++) {
      LoopShare share = new LoopShare(loop, loops);
      Context context = senders.get(loop).context();
      Sender sender = senders.get(loop).sender();
      parts.add(
          config.mode() == LoadMode.OPEN
              ? new OpenLoopDriver(
                  context,
                  share,
                  config.arrival().sequence(config.ratePerSecond(), config.seed()),
                  clock,
                  endNanos,
                  endIndex,
                  config.maxOutstanding(),
                  outstanding,
                  share.of(config.connections()),
                  workload,
                  sender,
                  recorder)
              : new ClosedLoopDriver(
                  context,
                  share.of(config.concurrency()),
                  clock,
                  endNanos,
                  maxRequests,
                  workload,
                  sender,
                  recorder,
                  shared));
    }
    return new LoopGroup(parts, config.mode() == LoadMode.OPEN);
  }

  /**
   * The event loops to drive: by default one per two cores, leaving the rest to the network stack
   * and to a server on the same machine (on 2 shared cores one loop drove 44,000-47,000 req/s
   * against a local nginx where two drove 32,000-38,000); never more than there are connections (or
   * workers) to share.
   */
  private int eventLoops() {
    int limit = config.connections();
    if (config.mode() == LoadMode.CLOSED) {
      limit = Math.min(limit, config.concurrency());
    }
    int wanted =
        requestedEventLoops > 0
            ? requestedEventLoops
            : Runtime.getRuntime().availableProcessors() / 2;
    return Math.max(1, Math.min(wanted, limit));
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
  private long awaitDispatch(
      java.util.concurrent.CompletableFuture<Long> dispatched, RunClock clock, long endNanos) {
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

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The results are already written; a slow close only delays the exit.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The validity rules, applied to the measured window; each broken rule is one reason. */
  static List<String> invalidReasons(
      LoadConfig config, Counts measured, double achievedRate, Percentiles scheduleLag) {
    List<String> reasons = new ArrayList<>();
    if (measured.notSent() > 0) {
      reasons.add(
          measured.notSent()
              + " scheduled requests were not sent (over "
              + config.maxOutstanding()
              + " outstanding)");
    }
    if (config.mode() == LoadMode.OPEN) {
      double budgetMillis = config.maxLagP99().toNanos() / 1e6;
      if (scheduleLag.p99() > budgetMillis) {
        reasons.add(
            String.format(
                java.util.Locale.ROOT,
                "schedule lag p99 %.3f ms is over the %.3f ms budget: the generator could not keep the schedule",
                scheduleLag.p99(),
                budgetMillis));
      }
      // One request of rounding is allowed: a 12 s window at 0.6/s holds 7 fire times, not 7.2.
      double allowingOneMore = achievedRate * (measured.sent() + 1) / Math.max(1, measured.sent());
      if (config.arrival() == dev.embedbench.loadgen.schedule.ArrivalProcess.CONSTANT
          && allowingOneMore < 0.99 * config.ratePerSecond()) {
        reasons.add(
            String.format(
                java.util.Locale.ROOT,
                "achieved rate %.2f/s is under 99%% of the target %.2f/s",
                achievedRate,
                config.ratePerSecond()));
      }
    }
    return reasons;
  }
}
