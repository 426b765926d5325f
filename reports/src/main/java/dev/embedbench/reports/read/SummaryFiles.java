package dev.embedbench.reports.read;

import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.RequestCounts;
import dev.embedbench.results.Percentiles;
import dev.embedbench.results.ResultFileException;
import dev.embedbench.results.ResultReader;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One load-generator run directory for a report: {@code summary.json} as the results module reads
 * it, and the response-time and service-time interval logs beside it.
 */
final class SummaryFiles {

  static final String SUMMARY_FILE = RunFiles.SUMMARY;
  static final String LOG_SUFFIX = ".hlog";

  private SummaryFiles() {}

  static boolean isRunDirectory(Path dir) {
    return ResultReader.isRunDirectory(dir);
  }

  static LoadgenRun read(Path dir) {
    try {
      return of(dir, ResultReader.readSummary(dir));
    } catch (ResultFileException e) {
      throw new RunDirectoryException(e.getMessage(), e);
    }
  }

  /** A run whose summary was already read (a sweep's step). */
  static LoadgenRun of(Path dir, RunSummary summary) {
    Path file = dir.resolve(SUMMARY_FILE);
    RunSummary.Requests requests = summary.requests();
    RequestCounts counts =
        new RequestCounts(
            requests.scheduled(), requests.ok(), requests.failed(), requests.notSent());
    Logs logs = listedLogs(summary, dir, file).orElseGet(() -> findLogs(dir));
    try {
      return new LoadgenRun(
          dir,
          summary.target().model(),
          ResultReader.kind(dir, summary),
          Optional.ofNullable(summary.targetRate()),
          summary.achievedRate(),
          summary.measuredS(),
          counts,
          latency(file, "response_time_ms", summary.responseTimeMs()),
          latency(file, "service_time_ms", summary.serviceTimeMs()),
          summary.valid(),
          summary.partial(),
          logs.response.map(HistogramLogs::readTotal),
          logs.service.map(HistogramLogs::readTotal),
          summary);
    } catch (ResultFileException e) {
      throw new RunDirectoryException(e.getMessage(), e);
    }
  }

  private static LatencyPercentiles latency(Path file, String name, Percentiles p) {
    try {
      return new LatencyPercentiles(p.p50(), p.p90(), p.p99(), p.p999(), p.max(), p.mean());
    } catch (IllegalArgumentException e) {
      throw RunDirectoryException.at(file, name, e.getMessage());
    }
  }

  private record Logs(Optional<Path> response, Optional<Path> service) {}

  /** The logs named in summary.json's "files" map, as the load generator writes it. */
  private static Optional<Logs> listedLogs(RunSummary summary, Path dir, Path file) {
    Optional<Path> response =
        Optional.ofNullable(summary.files().get("response_time_log")).map(dir::resolve);
    Optional<Path> service =
        Optional.ofNullable(summary.files().get("service_time_log")).map(dir::resolve);
    if (response.isEmpty() && service.isEmpty()) {
      return Optional.empty();
    }
    // A listed log that is missing means the directory lost files: say so rather than draw less.
    for (String key : List.of("response_time_log", "service_time_log")) {
      Optional<Path> log = key.startsWith("response") ? response : service;
      if (log.isPresent() && !Files.isRegularFile(log.get())) {
        throw RunDirectoryException.at(
            file, "files." + key, "names " + log.get() + ", which does not exist");
      }
    }
    return Optional.of(new Logs(response, service));
  }

  /**
   * Without a {@code files} map: the response-time log is the {@code .hlog} whose name says
   * "response" (or "latency"); the service-time log says "service". Schedule-lag logs are the
   * generator's own and not drawn.
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
      throw RunDirectoryException.at(
          file,
          "",
          "a second log of the same metric beside "
              + found.get().getFileName()
              + "; a run directory holds one run");
    }
    return Optional.of(file);
  }
}
