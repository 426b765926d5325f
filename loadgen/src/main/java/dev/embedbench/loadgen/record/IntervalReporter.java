package dev.embedbench.loadgen.record;

import dev.embedbench.results.Percentiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Once per interval, on its own thread, swaps the recorders' interval histograms out, appends them
 * to the HdrHistogram interval logs, adds them to the run's totals, writes a time-series CSV row,
 * prints a progress line and tells the listener. File I/O happens here, never on an event loop.
 */
public final class IntervalReporter {

  public static final String[] CSV_HEADER = {
    "elapsed_s",
    "phase",
    "scheduled",
    "sent",
    "ok",
    "failed",
    "not_sent",
    "failures",
    "target_rate",
    "sent_per_s",
    "ok_per_s",
    "p50_ms",
    "p90_ms",
    "p99_ms",
    "max_ms",
    "service_p99_ms",
    "schedule_lag_p99_ms"
  };

  /** Where the interval logs and the time series go. */
  public record Files(
      Path responseTimeLog, Path serviceTimeLog, Path scheduleLagLog, Path timeSeriesCsv) {}

  private final RunRecorder recorder;
  private final RunClock clock;
  private final Double targetRatePerSecond;
  private final double plannedSeconds;
  private final long intervalNanos;
  private final Consumer<String> console;
  private final Consumer<IntervalStats> listener;
  private final ScheduledExecutorService thread;
  private final MetricLog response;
  private final MetricLog service;
  private final MetricLog lag;
  private final CSVPrinter csv;
  private ScheduledFuture<?> ticks;
  private long lastTickNanos;
  private Counts lastMeasured = Counts.ZERO;
  private Counts lastWarmup = Counts.ZERO;
  private boolean finished;

  /**
   * @param targetRatePerSecond null for closed-loop runs
   * @param plannedSeconds warm-up plus measured duration, for progress lines
   */
  public IntervalReporter(
      RunRecorder recorder,
      RunClock clock,
      Double targetRatePerSecond,
      double plannedSeconds,
      long intervalNanos,
      Files files,
      Consumer<String> console,
      Consumer<IntervalStats> listener)
      throws IOException {
    this.recorder = recorder;
    this.clock = clock;
    this.targetRatePerSecond = targetRatePerSecond;
    this.plannedSeconds = plannedSeconds;
    this.intervalNanos = intervalNanos;
    this.console = console;
    this.listener = listener;
    this.response =
        new MetricLog(
            recorder.responseTime(),
            files.responseTimeLog(),
            clock,
            "response time in nanoseconds, from each request's intended send time (corrected for coordinated omission)");
    this.service =
        new MetricLog(
            recorder.serviceTime(),
            files.serviceTimeLog(),
            clock,
            "service time in nanoseconds, from each request's actual send");
    this.lag =
        new MetricLog(
            recorder.scheduleLag(),
            files.scheduleLagLog(),
            clock,
            "schedule lag in nanoseconds: actual dispatch minus intended send time");
    Writer writer =
        java.nio.file.Files.newBufferedWriter(files.timeSeriesCsv(), StandardCharsets.UTF_8);
    this.csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
    this.lastTickNanos = clock.startNanos();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "loadgen-reporter");
              t.setDaemon(true);
              return t;
            });
  }

  /** Ticks at whole intervals from the run's start. */
  public void start() {
    long firstDelay = Math.max(0, clock.startNanos() + intervalNanos - System.nanoTime());
    ticks =
        thread.scheduleAtFixedRate(
            this::tickSafely, firstDelay, intervalNanos, TimeUnit.NANOSECONDS);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      console.accept("loadgen: interval report failed: " + e);
    }
  }

  private synchronized void tick() {
    if (finished) {
      return;
    }
    long now = System.nanoTime();
    double seconds = Math.max(1e-9, (now - lastTickNanos) / 1e9);
    lastTickNanos = now;
    long elapsedNanos = now - clock.startNanos();
    Phase phase =
        elapsedNanos - clock.warmupNanos() > intervalNanos / 2 ? Phase.MEASURE : Phase.WARMUP;
    boolean measuring = phase == Phase.MEASURE;
    Histogram responseInterval = response.tick(measuring);
    Histogram serviceInterval = service.tick(measuring);
    Histogram lagInterval = lag.tick(measuring);
    Counts measured = recorder.counts(Phase.MEASURE);
    Counts warmup = recorder.counts(Phase.WARMUP);
    Counts interval =
        phase == Phase.MEASURE ? measured.minus(lastMeasured) : warmup.minus(lastWarmup);
    lastMeasured = measured;
    lastWarmup = warmup;
    IntervalStats stats =
        new IntervalStats(
            elapsedNanos / 1e9,
            seconds,
            phase,
            interval,
            measured,
            Percentiles.of(responseInterval),
            response.percentilesSoFar());
    writeCsvRow(stats, Percentiles.of(serviceInterval), Percentiles.of(lagInterval));
    console.accept(progressLine(stats));
    listener.accept(stats);
  }

  private void writeCsvRow(
      IntervalStats stats, Percentiles serviceInterval, Percentiles lagInterval) {
    Counts c = stats.interval();
    StringJoiner failures = new StringJoiner(";");
    c.failures().forEach((key, value) -> failures.add(key + "=" + value));
    Percentiles r = stats.intervalResponse();
    boolean measured = stats.phase() == Phase.MEASURE;
    try {
      csv.printRecord(
          fixed(stats.elapsedSeconds()),
          stats.phase().name().toLowerCase(Locale.ROOT),
          c.scheduled(),
          c.sent(),
          c.ok(),
          c.failed(),
          c.notSent(),
          failures.toString(),
          targetRatePerSecond == null ? "" : fixed(targetRatePerSecond),
          fixed(c.sent() / stats.intervalSeconds()),
          fixed(c.ok() / stats.intervalSeconds()),
          measured ? r.p50() : "",
          measured ? r.p90() : "",
          measured ? r.p99() : "",
          measured ? r.max() : "",
          measured ? serviceInterval.p99() : "",
          measured ? lagInterval.p99() : "");
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String progressLine(IntervalStats stats) {
    Counts c = stats.interval();
    String rate =
        targetRatePerSecond == null
            ? String.format(Locale.ROOT, "%.1f req/s", c.sent() / stats.intervalSeconds())
            : String.format(
                Locale.ROOT,
                "%.1f of %.1f req/s",
                c.sent() / stats.intervalSeconds(),
                targetRatePerSecond);
    String phase = stats.elapsedSeconds() > plannedSeconds + 0.5 ? "drain  " : "measure";
    if (stats.phase() == Phase.WARMUP) {
      return String.format(
          Locale.ROOT,
          "[%5.0fs/%.0fs] warm-up  %s  ok %d  errors %d",
          stats.elapsedSeconds(),
          plannedSeconds,
          rate,
          c.ok(),
          c.failed());
    }
    Counts total = stats.cumulative();
    Percentiles so = stats.cumulativeResponse();
    return String.format(
        Locale.ROOT,
        "[%5.0fs/%.0fs] %s  %s  ok %d  errors %d  not sent %d  p50 %.2f ms  " + "p99 %.2f ms",
        stats.elapsedSeconds(),
        plannedSeconds,
        phase,
        rate,
        total.ok(),
        total.failed(),
        total.notSent(),
        so.p50(),
        so.p99());
  }

  /**
   * Takes the last partial interval, closes the files and returns the totals. Called once, after
   * the drivers stopped recording; blocks until the reporter thread is done.
   */
  public Totals finish() {
    try {
      if (ticks != null) {
        ticks.cancel(false);
      }
      return thread.submit(this::finishOnThread).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing results", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("writing results failed: " + e.getCause(), e.getCause());
    } finally {
      thread.shutdown();
    }
  }

  private synchronized Totals finishOnThread() throws IOException {
    if (lastTickNanos < System.nanoTime()) {
      tick();
    }
    finished = true;
    response.close();
    service.close();
    lag.close();
    csv.close();
    return new Totals(
        response.total(),
        service.total(),
        lag.total(),
        recorder.counts(Phase.MEASURE),
        recorder.counts(Phase.WARMUP));
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** One metric: its recorder, its interval log, and the running total of what the log holds. */
  private static final class MetricLog {
    private final PerThreadRecorder recorder;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Histogram total = RunRecorder.newHistogram();
    private final Histogram interval = RunRecorder.newHistogram();

    MetricLog(PerThreadRecorder recorder, Path file, RunClock clock, String comment)
        throws IOException {
      this.recorder = recorder;
      this.out =
          new PrintStream(java.nio.file.Files.newOutputStream(file), false, StandardCharsets.UTF_8);
      this.writer = new HistogramLogWriter(out);
      writer.outputComment("embedbench loadgen: " + comment);
      writer.outputLogFormatVersion();
      writer.outputStartTime(clock.startEpochMillis());
      writer.setBaseTime(clock.startEpochMillis());
      writer.outputLegend();
      total.setStartTimeStamp(clock.startEpochMillis());
    }

    /**
     * Logs the interval; an empty one only in the measured phase, where "nothing completed" is
     * news.
     */
    Histogram tick(boolean measuring) {
      recorder.intervalHistogram(interval);
      if (measuring || interval.getTotalCount() > 0) {
        writer.outputIntervalHistogram(interval);
        total.add(interval);
        total.setEndTimeStamp(interval.getEndTimeStamp());
      }
      return interval;
    }

    /** A copy of the total, for the run's results. */
    Histogram total() {
      return total.copy();
    }

    /** The total's percentiles, read in place (no copy) on the reporter thread that owns it. */
    Percentiles percentilesSoFar() {
      return Percentiles.of(total);
    }

    void close() {
      out.flush();
      writer.close();
    }
  }
}
