package dev.embedbench.reports.read;

import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.RequestCounts;
import dev.embedbench.reports.model.TargetKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Reads one load-generator run directory: {@code summary.json} (the schema of docs/loadgen.md) and the
 * response-time and service-time interval logs beside it.
 */
final class SummaryFiles {

  static final String SUMMARY_FILE = "summary.json";
  static final String LOG_SUFFIX = ".hlog";

  private SummaryFiles() {
  }

  static boolean isRunDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(SUMMARY_FILE));
  }

  static LoadgenRun read(Path dir) {
    JsonFields summary = JsonFields.read(dir.resolve(SUMMARY_FILE));
    JsonFields target = summary.object("target");
    String model = target.text("model");
    TargetKind kind;
    try {
      kind = TargetKind.parse(target.optionalText("kind").orElse(""));
    } catch (IllegalArgumentException e) {
      throw summary.error("target.kind", e.getMessage());
    }
    JsonFields requests = summary.object("requests");
    Map<String, Long> failed = new TreeMap<>();
    if (requests.has("failed")) {
      JsonFields failedByClass = requests.object("failed");
      Iterator<String> classes = failedByClass.node().fieldNames();
      while (classes.hasNext()) {
        String errorClass = classes.next();
        failed.put(errorClass, failedByClass.count(errorClass));
      }
    }
    RequestCounts counts = new RequestCounts(requests.count("scheduled"), requests.count("ok"), failed,
        requests.has("not_sent") ? requests.count("not_sent") : 0);
    Optional<Double> targetRate = summary.optionalNumber("target_rate");
    double achievedRate = summary.number("achieved_rate");
    if (achievedRate < 0 || targetRate.filter(rate -> rate <= 0).isPresent()) {
      throw summary.error(achievedRate < 0 ? "achieved_rate" : "target_rate", "rates must be > 0");
    }
    LatencyPercentiles response = latency(summary, "response_time_ms");
    LatencyPercentiles service = latency(summary, "service_time_ms");
    Logs logs = listedLogs(summary, dir).orElseGet(() -> findLogs(dir));
    return new LoadgenRun(dir, model, kind, targetRate, achievedRate,
        summary.optionalNumber("measured_s").orElse(0.0), counts, response, service,
        summary.optionalBool("valid", true), summary.optionalBool("partial", false),
        logs.response.map(HistogramLogs::readTotal), logs.service.map(HistogramLogs::readTotal));
  }

  private static LatencyPercentiles latency(JsonFields summary, String name) {
    JsonFields latency = summary.object(name);
    try {
      return new LatencyPercentiles(latency.number("p50"), latency.number("p90"), latency.number("p99"),
          latency.number("p999"), latency.number("max"), latency.number("mean"));
    } catch (IllegalArgumentException e) {
      throw summary.error(name, e.getMessage());
    }
  }

  private record Logs(Optional<Path> response, Optional<Path> service) {
  }

  /** The logs named in summary.json's {@code files} map, as the load generator writes it. */
  private static Optional<Logs> listedLogs(JsonFields summary, Path dir) {
    if (!summary.has("files")) {
      return Optional.empty();
    }
    JsonFields files = summary.object("files");
    Optional<Path> response = files.optionalText("response_time_log").map(dir::resolve);
    Optional<Path> service = files.optionalText("service_time_log").map(dir::resolve);
    if (response.isEmpty() && service.isEmpty()) {
      return Optional.empty();
    }
    // A listed log that is missing means the directory lost files: say so rather than draw less.
    for (String key : List.of("response_time_log", "service_time_log")) {
      Optional<Path> log = key.startsWith("response") ? response : service;
      if (log.isPresent() && !Files.isRegularFile(log.get())) {
        throw files.error(key, "names " + log.get() + ", which does not exist");
      }
    }
    return Optional.of(new Logs(response, service));
  }

  /**
   * Without a {@code files} map: the response-time log is the {@code .hlog} whose name says "response" (or "latency"); the service-time
   * log says "service". Schedule-lag logs are the generator's own and not drawn.
   */
  private static Logs findLogs(Path dir) {
    Optional<Path> response = Optional.empty();
    Optional<Path> service = Optional.empty();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + LOG_SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("service")) {
          service = pick(service, file);
        } else if (name.contains("response") || name.contains("latency")) {
          response = pick(response, file);
        }
      }
    } catch (IOException e) {
      throw new RunDirectoryException(dir + ": cannot list histogram logs: " + e.getMessage(), e);
    }
    return new Logs(response, service);
  }

  private static Optional<Path> pick(Optional<Path> found, Path file) {
    if (found.isPresent()) {
      throw RunDirectoryException.at(file, "", "a second log of the same metric beside " + found.get().getFileName()
          + "; a run directory holds one run");
    }
    return Optional.of(file);
  }
}
