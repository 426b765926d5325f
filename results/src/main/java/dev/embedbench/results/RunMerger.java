package dev.embedbench.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Merges several load processes that ran side by side (each with its share of the rate) into one:
 * latencies exactly, by adding their HdrHistogram histograms; counts and rates by summing. Either
 * their run directories into a new one ({@link #merge}: file I/O on the calling thread), or runs
 * already read into memory ({@link #mergeInMemory}), whose merged histograms give figures at full
 * precision.
 */
public final class RunMerger {

  private static final String[][] METRICS = {
    {RunFiles.RESPONSE_TIME_LOG, RunFiles.RESPONSE_TIME_HGRM},
    {RunFiles.SERVICE_TIME_LOG, RunFiles.SERVICE_TIME_HGRM},
    {RunFiles.SCHEDULE_LAG_LOG, RunFiles.SCHEDULE_LAG_HGRM}
  };

  /** The {@code token_count} of a merge of runs whose tokens were not all counted the same way. */
  public static final String MIXED_TOKEN_COUNT = "mixed";

  /**
   * A run already read, for {@link #mergeInMemory}: its summary, and the totals of its response-
   * and service-time logs (histograms of nanoseconds).
   */
  public record RunInMemory(RunSummary summary, Histogram responseNanos, Histogram serviceNanos) {}

  /**
   * Runs merged in memory: counts and rates added as {@link #merge} adds them, and their histograms
   * added, from which percentiles and means are read unrounded (summary.json rounds them to the
   * microsecond).
   *
   * @param targetRate the sum of the runs' target rates; null unless every run had one (open loop)
   */
  public record MergedRuns(
      Double targetRate,
      double achievedRate,
      RunSummary.Requests requests,
      boolean valid,
      boolean partial,
      Histogram responseNanos,
      Histogram serviceNanos) {}

  private RunMerger() {}

  /** Adds up runs that ran side by side, in memory; nothing is written or rounded. */
  public static MergedRuns mergeInMemory(List<RunInMemory> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    List<RunSummary> summaries = runs.stream().map(RunInMemory::summary).toList();
    // Auto-resizing, at the run directories' precision: an in-memory merge never refuses a value.
    Histogram response = new Histogram(LatencyHistograms.SIGNIFICANT_DIGITS);
    Histogram service = new Histogram(LatencyHistograms.SIGNIFICANT_DIGITS);
    double achieved = 0;
    for (RunInMemory run : runs) {
      response.add(run.responseNanos());
      service.add(run.serviceNanos());
      achieved += run.summary().achievedRate();
    }
    return new MergedRuns(
        targetRate(summaries),
        achieved,
        sumRequests(summaries, RunSummary::requests),
        allValid(summaries),
        summaries.stream().anyMatch(RunSummary::partial),
        response,
        service);
  }

  public static RunSummary merge(List<Path> runs, Path out, String command) throws IOException {
    if (runs.size() < 2) {
      throw new IllegalArgumentException(
          "merge needs at least two run directories, got " + runs.size());
    }
    List<RunSummary> summaries = new ArrayList<>();
    for (Path run : runs) {
      if (!ResultReader.isRunDirectory(run)) {
        throw new IllegalArgumentException(
            run + " is not a run directory: it has no " + RunFiles.SUMMARY);
      }
      summaries.add(ResultReader.readSummary(run));
    }
    Files.createDirectories(out);
    RunFiles files = new RunFiles(out);
    List<Histogram> totals = new ArrayList<>();
    for (String[] metric : METRICS) {
      Histogram total = mergeLogs(runs, metric[0], files.file(metric[0]));
      files.writeHgrm(metric[1], total);
      totals.add(total);
    }
    RunSummary merged = combine(summaries, runs, totals, command);
    ResultJson.write(files.file(RunFiles.SUMMARY), merged);
    return merged;
  }

  /** Writes every input interval into one log, in time order, and returns their sum. */
  private static Histogram mergeLogs(List<Path> runs, String name, Path out) throws IOException {
    List<Histogram> intervals = new ArrayList<>();
    for (Path run : runs) {
      HistogramLogReader reader = new HistogramLogReader(run.resolve(name).toFile());
      try {
        for (EncodableHistogram h = reader.nextIntervalHistogram();
            h != null;
            h = reader.nextIntervalHistogram()) {
          intervals.add((Histogram) h);
        }
      } finally {
        reader.close();
      }
    }
    intervals.sort(Comparator.comparingLong(Histogram::getStartTimeStamp));
    Histogram total = LatencyHistograms.newHistogram();
    long baseMillis =
        intervals.isEmpty() ? System.currentTimeMillis() : intervals.get(0).getStartTimeStamp();
    try (PrintStream stream =
        new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
      HistogramLogWriter writer = new HistogramLogWriter(stream);
      writer.outputComment("embedbench merge of " + runs.size() + " runs: " + name);
      writer.outputLogFormatVersion();
      writer.outputStartTime(baseMillis);
      writer.setBaseTime(baseMillis);
      writer.outputLegend();
      for (Histogram interval : intervals) {
        writer.outputIntervalHistogram(interval);
        total.add(interval);
      }
    }
    return total;
  }

  private static RunSummary combine(
      List<RunSummary> runs, List<Path> dirs, List<Histogram> totals, String command) {
    RunSummary first = runs.get(0);
    double achieved = 0;
    double requestsPerS = 0;
    double inputsPerS = 0;
    double tokensPerS = 0;
    double measuredS = 0;
    double drainS = 0;
    List<String> invalid = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    Map<String, String> samples = new TreeMap<>();
    for (int i = 0; i < runs.size(); i++) {
      RunSummary s = runs.get(i);
      achieved += s.achievedRate();
      requestsPerS += s.throughput().requestsPerS();
      inputsPerS += s.throughput().inputsPerS();
      tokensPerS += s.throughput().tokensPerS();
      measuredS = Math.max(measuredS, s.measuredS());
      drainS = Math.max(drainS, s.drainS());
      for (String reason : s.invalidReasons()) {
        invalid.add(dirs.get(i).getFileName() + ": " + reason);
      }
      if (s.partial()) {
        partial.add(dirs.get(i).getFileName() + ": " + s.partialReason());
      }
      s.failureSamples().forEach(samples::putIfAbsent);
    }
    RunSummary.Requests requests = sumRequests(runs, RunSummary::requests);
    long completed = requests.ok() + requests.failedTotal();
    // The same tokenizer on several machines has different paths but the same content.
    boolean sameCounting =
        runs.stream()
            .allMatch(
                r ->
                    tokenCount(r).equals(tokenCount(first))
                        && Objects.equals(tokenizerSha256(r), tokenizerSha256(first)));
    String tokenCount = sameCounting ? tokenCount(first) : MIXED_TOKEN_COUNT;
    Map<String, String> files = new LinkedHashMap<>(RunFiles.listing());
    files.remove("time_series");
    files.remove("config");
    files.remove("environment");
    return new RunSummary(
        RunSummary.SCHEMA_VERSION,
        first.name() + "-merged",
        first.startedAt(),
        Instant.now().toString(),
        first.target(),
        first.mode(),
        first.arrival(),
        targetRate(runs),
        first.concurrency() == null
            ? null
            : runs.stream().mapToInt(r -> r.concurrency() == null ? 0 : r.concurrency()).sum(),
        runs.stream().mapToInt(RunSummary::connections).sum(),
        first.warmupS(),
        first.durationS(),
        measuredS,
        drainS,
        achieved,
        requests,
        sumRequests(runs, RunSummary::warmupRequests),
        completed == 0 ? 0 : (double) requests.failedTotal() / completed,
        new RunSummary.Throughput(requestsPerS, inputsPerS, tokensPerS, tokenCount),
        inputsPerS,
        tokensPerS,
        tokenCount,
        sameCounting ? first.tokenizer() : null,
        Percentiles.of(totals.get(0)),
        Percentiles.of(totals.get(1)),
        Percentiles.of(totals.get(2)),
        allValid(runs),
        invalid,
        !partial.isEmpty(),
        partial.isEmpty() ? null : String.join("; ", partial),
        first.workload(),
        samples,
        first.environment(),
        mergedGenerator(runs),
        command,
        files);
  }

  /**
   * The processes' event loops added up, and their clients; null if any run predates the record.
   */
  private static GeneratorInfo mergedGenerator(List<RunSummary> runs) {
    if (runs.stream().anyMatch(r -> r.generator() == null)) {
      return null;
    }
    return new GeneratorInfo(
        runs.stream().mapToInt(r -> r.generator().eventLoops()).sum(),
        String.join("+", runs.stream().map(r -> r.generator().httpClient()).distinct().toList()));
  }

  /** Summaries written before the top-level key existed carry it in {@code throughput} only. */
  private static String tokenCount(RunSummary run) {
    return run.tokenCount() != null
        ? run.tokenCount()
        : String.valueOf(run.throughput().tokenCount());
  }

  private static String tokenizerSha256(RunSummary run) {
    return run.tokenizer() == null ? null : run.tokenizer().sha256();
  }

  /** The sum of the target rates of open-loop runs; null if any run had none. */
  private static Double targetRate(List<RunSummary> runs) {
    if (runs.stream().anyMatch(r -> r.targetRate() == null)) {
      return null;
    }
    double sum = 0;
    for (RunSummary s : runs) {
      sum += s.targetRate();
    }
    return sum;
  }

  /** A merge is valid when every run is valid and none gave a reason it is not. */
  private static boolean allValid(List<RunSummary> runs) {
    return runs.stream().allMatch(r -> r.valid() && r.invalidReasons().isEmpty());
  }

  private static RunSummary.Requests sumRequests(
      List<RunSummary> runs, Function<RunSummary, RunSummary.Requests> which) {
    long scheduled = 0;
    long sent = 0;
    long ok = 0;
    long notSent = 0;
    Map<String, Long> failed = new TreeMap<>();
    for (RunSummary s : runs) {
      RunSummary.Requests r = which.apply(s);
      scheduled += r.scheduled();
      sent += r.sent();
      ok += r.ok();
      notSent += r.notSent();
      r.failed().forEach((k, v) -> failed.merge(k, v, Long::sum));
    }
    return new RunSummary.Requests(
        scheduled,
        sent,
        ok,
        failed,
        failed.values().stream().mapToLong(Long::longValue).sum(),
        notSent);
  }
}
