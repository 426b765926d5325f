package dev.embedbench.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The files of one run directory, by name. */
public record RunFiles(Path dir) {

  public static final String CONFIG = "config.json";
  public static final String ENVIRONMENT = "environment.json";
  public static final String SUMMARY = "summary.json";
  public static final String RESPONSE_TIME_LOG = "response_time.hlog";
  public static final String SERVICE_TIME_LOG = "service_time.hlog";
  public static final String SCHEDULE_LAG_LOG = "schedule_lag.hlog";
  public static final String RESPONSE_TIME_HGRM = "response_time.hgrm";
  public static final String SERVICE_TIME_HGRM = "service_time.hgrm";
  public static final String SCHEDULE_LAG_HGRM = "schedule_lag.hgrm";
  public static final String TIME_SERIES = "timeseries.csv";

  /** A sweep's closed-loop saturation probe, beside its steps. */
  public static final String PROBE_DIR = "probe-closed-loop";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** {@code runs/<UTC time>-<name>} under {@code base}. */
  public static RunFiles defaultUnder(Path base, String name, Instant when) {
    return new RunFiles(base.resolve("runs").resolve(STAMP.format(when) + "-" + name));
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /** The names listed in summary.json's {@code files}. */
  public static Map<String, String> listing() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("config", CONFIG);
    files.put("environment", ENVIRONMENT);
    files.put("response_time_log", RESPONSE_TIME_LOG);
    files.put("service_time_log", SERVICE_TIME_LOG);
    files.put("schedule_lag_log", SCHEDULE_LAG_LOG);
    files.put("response_time_hgrm", RESPONSE_TIME_HGRM);
    files.put("service_time_hgrm", SERVICE_TIME_HGRM);
    files.put("schedule_lag_hgrm", SCHEDULE_LAG_HGRM);
    files.put("time_series", TIME_SERIES);
    return files;
  }

  /** The percentile distribution as HdrHistogram prints it, in milliseconds. */
  public void writeHgrm(String name, Histogram nanos) throws IOException {
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(file(name)), false, StandardCharsets.UTF_8)) {
      nanos.outputPercentileDistribution(out, 5, 1e6);
    }
  }
}
