package dev.embedbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import dev.embedbench.reports.cost.CostAnalysisAdapter;
import dev.embedbench.reports.cost.CostAnswerFiles;
import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.reports.read.CostReportFiles;
import dev.embedbench.reports.read.ProvenanceFiles;
import dev.embedbench.results.TargetKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes run directories the way the load generator does: response-time and service-time interval
 * logs in nanoseconds ({@code HistogramLogWriter}, one interval per second) and a {@code
 * summary.json} whose percentiles are computed from the same histograms, in milliseconds rounded to
 * the microsecond.
 */
public final class RunFixtures {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final long START_MILLIS = 1_764_000_000_000L;

  private RunFixtures() {}

  /** Log-normal latencies in nanoseconds around a median, from a fixed seed. */
  public static long[] latenciesNanos(long seed, double medianMillis, double sigma, int count) {
    Random random = new Random(seed);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = Math.round(medianMillis * 1e6 * Math.exp(sigma * random.nextGaussian()));
    }
    return values;
  }

  public static Histogram histogram(long[] nanos) {
    Histogram histogram = new Histogram(3);
    for (long value : nanos) {
      histogram.recordValue(value);
    }
    return histogram;
  }

  /**
   * A run directory: intervals of one second, values dealt round-robin over {@code seconds}
   * intervals.
   */
  public static Path writeRun(
      Path dir,
      String model,
      String kind,
      Double targetRate,
      long[] responseNanos,
      long[] serviceNanos,
      int seconds,
      Map<String, Long> failed,
      long notSent,
      boolean partial)
      throws IOException {
    Files.createDirectories(dir);
    writeLog(dir.resolve("response_time.hlog"), responseNanos, seconds);
    writeLog(dir.resolve("service_time.hlog"), serviceNanos, seconds);
    writeLog(dir.resolve("schedule_lag.hlog"), new long[] {1000, 2000}, 1);
    ObjectNode summary = JSON.createObjectNode();
    if (targetRate != null) {
      summary.put("target_rate", targetRate);
    } else {
      summary.putNull("target_rate");
    }
    summary.put("achieved_rate", (double) responseNanos.length / seconds);
    summary.put("measured_s", (double) seconds);
    ObjectNode requests = summary.putObject("requests");
    long failedTotal = failed.values().stream().mapToLong(Long::longValue).sum();
    requests.put("scheduled", responseNanos.length + failedTotal + notSent);
    requests.put("ok", responseNanos.length);
    ObjectNode failedNode = requests.putObject("failed");
    failed.forEach(failedNode::put);
    requests.put("not_sent", notSent);
    percentiles(summary.putObject("response_time_ms"), histogram(responseNanos));
    percentiles(summary.putObject("service_time_ms"), histogram(serviceNanos));
    percentiles(summary.putObject("schedule_lag_ms"), histogram(new long[] {1000, 2000}));
    summary.put("valid", true);
    summary.put("partial", partial);
    ObjectNode target = summary.putObject("target");
    target.put("url", "http://127.0.0.1:8080/v1");
    target.put("model", model);
    target.put("kind", kind);
    summary.putObject("environment").put("java", "17");
    summary.put("command", "embedbench load --model " + model);
    ObjectNode files = summary.putObject("files");
    files.put("response_time_log", "response_time.hlog");
    files.put("service_time_log", "service_time.hlog");
    files.put("schedule_lag_log", "schedule_lag.hlog");
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary);
    return dir;
  }

  /** A plain run of {@code count} requests around {@code medianMillis}. */
  public static Path writeSimpleRun(
      Path dir, String model, String kind, long seed, double medianMillis, int count)
      throws IOException {
    long[] response = latenciesNanos(seed, medianMillis, 0.35, count);
    long[] service = latenciesNanos(seed + 1, medianMillis * 0.9, 0.2, count);
    return writeRun(dir, model, kind, 50.0, response, service, 10, Map.of(), 0, false);
  }

  /**
   * A sweep: one step per rate, latency growing as the rate nears {@code capacity}; a step passes
   * when its p99 (as written in its summary) is within the SLO.
   */
  public static Path writeSweep(
      Path dir,
      String model,
      String kind,
      long seed,
      double medianMillis,
      double capacity,
      double[] rates,
      double sloP99Millis)
      throws IOException {
    Files.createDirectories(dir);
    ObjectNode sweep = JSON.createObjectNode();
    ObjectNode slo = sweep.putObject("slo");
    slo.put("p99_ms", sloP99Millis);
    slo.put("max_error_rate", 0.01);
    ArrayNode steps = sweep.putArray("steps");
    Double best = null;
    for (int i = 0; i < rates.length; i++) {
      double load = rates[i] / capacity;
      double median = medianMillis * (1 + 4 * Math.pow(load, 4));
      int count = (int) Math.round(rates[i] * 20);
      long[] response = latenciesNanos(seed + i, median, 0.25 + 0.3 * load, count);
      long[] service = latenciesNanos(seed + 100 + i, medianMillis, 0.2, count);
      String stepName = String.format("step-%02d", i + 1);
      Path stepDir =
          writeRun(
              dir.resolve(stepName),
              model,
              kind,
              rates[i],
              response,
              service,
              20,
              Map.of(),
              0,
              false);
      double p99 =
          JSON.readTree(stepDir.resolve("summary.json").toFile())
              .get("response_time_ms")
              .get("p99")
              .doubleValue();
      boolean pass = p99 <= sloP99Millis;
      if (pass && (best == null || rates[i] > best)) {
        best = rates[i];
      }
      ObjectNode step = steps.addObject();
      step.put("rate", rates[i]);
      step.put("dir", stepName);
      step.put("pass", pass);
    }
    if (best != null) {
      sweep.put("best_rate", best);
    } else {
      sweep.putNull("best_rate");
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("sweep.json").toFile(), sweep);
    return dir;
  }

  /**
   * A comparison directory like {@code compare} writes: three swept models, provenance and cost.
   */
  public static Path writeComparison(Path dir) throws IOException {
    double[] rates = {5, 10, 20, 40, 60};
    writeSweep(
        dir.resolve("sweeps/Qwen3-Embedding-0.6B"),
        "Qwen3-Embedding-0.6B",
        "in-process",
        11,
        40,
        20,
        new double[] {2, 4, 8, 16, 24},
        800);
    writeSweep(
        dir.resolve("sweeps/Qwen3-Embedding-8B"),
        "Qwen3-Embedding-8B",
        "emulated",
        21,
        320,
        45,
        rates,
        800);
    writeSweep(dir.resolve("sweeps/BGE-M3"), "BGE-M3", "emulated", 31, 210, 55, rates, 800);
    ProvenanceFiles.write(
        Map.of(
            "Qwen3-Embedding-0.6B",
                new Provenance(
                    TargetKind.IN_PROCESS,
                    WeightsSource.SYNTHETIC,
                    Device.CPU,
                    "random weights, 0.6B shapes"),
            "Qwen3-Embedding-8B",
                new Provenance(
                    TargetKind.EMULATED, WeightsSource.UNKNOWN, Device.GPU, "A10G profile"),
            "BGE-M3",
                new Provenance(
                    TargetKind.EMULATED, WeightsSource.UNKNOWN, Device.GPU, "A10G profile")),
        dir);
    CostReportFiles.write(new CostReportFiles.Contents(Optional.of(costSection()), audit()), dir);
    // The answer of the article's own stated capacities, with its demand chart.
    CostAnswerFiles.write(
        CostAnalysisAdapter.answer(CostAnalysis.of(ScenarioLoader.loadBundledArticle()), Map.of()),
        dir);
    return dir;
  }

  public static CostSection costSection() {
    return new CostSection(
        "5,000,000 requests/day, A10G at $0.95/h",
        "Qwen3-Embedding-8B",
        "MTEB multilingual mean",
        List.of(
            new CostRow(
                "Qwen3-Embedding-0.6B",
                "measured: in-process · synthetic weights · CPU",
                "A10G",
                16,
                3,
                2.85,
                5.47,
                24_966,
                Optional.of(0.5725),
                Optional.of(64.33),
                Optional.of(0.085),
                Optional.of(0.043),
                Optional.of(0.0041)),
            new CostRow(
                "Qwen3-Embedding-8B",
                "measured: emulated · GPU · A10G profile",
                "A10G",
                40,
                6,
                5.70,
                10.95,
                49_932,
                Optional.empty(),
                Optional.of(70.58),
                Optional.of(0.155),
                Optional.of(0.086),
                Optional.of(0.055)),
            new CostRow(
                "BGE-M3",
                "measured: emulated · GPU · A10G profile",
                "A10G",
                55,
                4,
                3.80,
                7.30,
                33_288,
                Optional.of(0.3333),
                Optional.of(59.56),
                Optional.of(0.123),
                Optional.empty(),
                Optional.empty())));
  }

  public static List<AuditFinding> audit() {
    return List.of(
        new AuditFinding(
            "annual cost",
            "8B annual cost from $/request x 5M/day",
            Optional.of(58_400.0),
            Optional.of(584_000.0),
            "USD/year",
            "0.00032 USD x 5,000,000 x 365",
            "INCONSISTENT",
            true,
            "ten times the stated figure"),
        new AuditFinding(
            "savings",
            "Savings 0.6B vs 8B",
            Optional.of(45.0),
            Optional.of(45.0),
            "%",
            "1 - 32,120 / 58,400",
            "consistent",
            false,
            ""),
        new AuditFinding(
            "dimensions",
            "0.6B outputs 2048 dimensions",
            Optional.of(2048.0),
            Optional.empty(),
            "",
            "the model card says 1024",
            "cannot be derived",
            false,
            ""));
  }

  private static void writeLog(Path file, long[] nanos, int seconds) throws IOException {
    Histogram[] intervals = new Histogram[seconds];
    for (int i = 0; i < seconds; i++) {
      intervals[i] = new Histogram(3);
    }
    for (int i = 0; i < nanos.length; i++) {
      intervals[i % seconds].recordValue(nanos[i]);
    }
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputComment("fixture latencies in nanoseconds");
      writer.outputLogFormatVersion();
      writer.outputStartTime(START_MILLIS);
      writer.setBaseTime(START_MILLIS);
      writer.outputLegend();
      for (int i = 0; i < seconds; i++) {
        intervals[i].setStartTimeStamp(START_MILLIS + i * 1000L);
        intervals[i].setEndTimeStamp(START_MILLIS + (i + 1) * 1000L);
        writer.outputIntervalHistogram(intervals[i]);
      }
    }
  }

  /** As the load generator writes them: milliseconds, rounded to the microsecond. */
  private static void percentiles(ObjectNode node, Histogram nanos) {
    node.put("p50", millis(nanos.getValueAtPercentile(50)));
    node.put("p90", millis(nanos.getValueAtPercentile(90)));
    node.put("p99", millis(nanos.getValueAtPercentile(99)));
    node.put("p999", millis(nanos.getValueAtPercentile(99.9)));
    node.put("max", millis(nanos.getMaxValue()));
    node.put("mean", Math.round(nanos.getMean() / 1e6 * 1000.0) / 1000.0);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e6 * 1000.0) / 1000.0;
  }
}
