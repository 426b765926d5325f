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
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Merges the run directories of several load processes that ran side by side (each with its share
 * of the rate) into one: latencies exactly, by adding their HdrHistogram interval logs; counts and
 * rates by summing. Runs on the calling thread (file I/O).
 */
public final class RunMerger {

  private static final String[][] METRICS = {
    {RunFiles.RESPONSE_TIME_LOG, RunFiles.RESPONSE_TIME_HGRM},
    {RunFiles.SERVICE_TIME_LOG, RunFiles.SERVICE_TIME_HGRM},
    {RunFiles.SCHEDULE_LAG_LOG, RunFiles.SCHEDULE_LAG_HGRM}
  };

  /** The {@code token_count} of a merge of runs whose tokens were not all counted the same way. */
  public static final String MIXED_TOKEN_COUNT = "mixed";

  private RunMerger() {}

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
    long scheduled = 0;
    long sent = 0;
    long ok = 0;
    long notSent = 0;
    Map<String, Long> failed = new TreeMap<>();
    double targetRate = 0;
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
      scheduled += s.requests().scheduled();
      sent += s.requests().sent();
      ok += s.requests().ok();
      notSent += s.requests().notSent();
      s.requests().failed().forEach((k, v) -> failed.merge(k, v, Long::sum));
      targetRate += s.targetRate() == null ? 0 : s.targetRate();
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
    long failedTotal = failed.values().stream().mapToLong(Long::longValue).sum();
    long completed = ok + failedTotal;
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
        first.targetRate() == null ? null : targetRate,
        first.concurrency() == null
            ? null
            : runs.stream().mapToInt(r -> r.concurrency() == null ? 0 : r.concurrency()).sum(),
        runs.stream().mapToInt(RunSummary::connections).sum(),
        first.warmupS(),
        first.durationS(),
        measuredS,
        drainS,
        achieved,
        new RunSummary.Requests(scheduled, sent, ok, failed, failedTotal, notSent),
        sumWarmup(runs),
        completed == 0 ? 0 : (double) failedTotal / completed,
        new RunSummary.Throughput(requestsPerS, inputsPerS, tokensPerS, tokenCount),
        inputsPerS,
        tokensPerS,
        tokenCount,
        sameCounting ? first.tokenizer() : null,
        Percentiles.of(totals.get(0)),
        Percentiles.of(totals.get(1)),
        Percentiles.of(totals.get(2)),
        invalid.isEmpty(),
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

  private static RunSummary.Requests sumWarmup(List<RunSummary> runs) {
    long scheduled = 0;
    long sent = 0;
    long ok = 0;
    long notSent = 0;
    Map<String, Long> failed = new TreeMap<>();
    for (RunSummary s : runs) {
      scheduled += s.warmupRequests().scheduled();
      sent += s.warmupRequests().sent();
      ok += s.warmupRequests().ok();
      notSent += s.warmupRequests().notSent();
      s.warmupRequests().failed().forEach((k, v) -> failed.merge(k, v, Long::sum));
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
