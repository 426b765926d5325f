package dev.embedbench.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's {@code summary.json} (property names in snake_case; see docs/loadgen.md for the schema).
 * Rates and latencies cover the measured window only, never the warm-up.
 *
 * @param targetRate open loop: the schedule's mean rate; null for closed loop
 * @param measuredS the measured send window: from the end of the warm-up to the end of the schedule
 *     (or the stop); every per-second rate is over this window
 * @param drainS seconds spent after the send window waiting for requests in flight
 * @param achievedRate measured requests sent per second of the measured window
 * @param errorRate failed / (ok + failed) in the measured window
 * @param responseTimeMs corrected for coordinated omission: from each intended send time
 * @param serviceTimeMs from each actual send
 * @param scheduleLagMs actual dispatch minus intended send time (open loop; empty for closed loop)
 * @param tokenCount how {@code tokens_per_s} and every token figure were counted: {@code "exact"}
 *     (with {@code tokenizer}) or {@code "estimated"}; {@code "mixed"} in a merge of runs counted
 *     differently
 * @param tokenizer the tokenizer that counted exactly; null when estimated
 */
public record RunSummary(
    int schemaVersion,
    String name,
    String startedAt,
    String endedAt,
    Target target,
    String mode,
    String arrival,
    Double targetRate,
    Integer concurrency,
    int connections,
    double warmupS,
    double durationS,
    double measuredS,
    double drainS,
    double achievedRate,
    Requests requests,
    Requests warmupRequests,
    double errorRate,
    Throughput throughput,
    double inputsPerS,
    double tokensPerS,
    String tokenCount,
    Tokenizer tokenizer,
    Percentiles responseTimeMs,
    Percentiles serviceTimeMs,
    Percentiles scheduleLagMs,
    boolean valid,
    List<String> invalidReasons,
    boolean partial,
    String partialReason,
    WorkloadInfo workload,
    Map<String, String> failureSamples,
    EnvironmentInfo environment,
    GeneratorInfo generator,
    String command,
    Map<String, String> files) {

  public static final int SCHEMA_VERSION = 1;

  public RunSummary {
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion must be >= 1, got " + schemaVersion);
    }
    // Older or hand-written summaries may lack the lists and maps: read as empty.
    invalidReasons = invalidReasons == null ? List.of() : List.copyOf(invalidReasons);
    failureSamples =
        Collections.unmodifiableMap(
            failureSamples == null ? new TreeMap<>() : new TreeMap<>(failureSamples));
    files =
        Collections.unmodifiableMap(
            files == null ? new LinkedHashMap<>() : new LinkedHashMap<>(files));
  }

  /**
   * Where the results came from; {@code kind} is what the target's /models reported, else
   * "unknown".
   */
  public record Target(String url, String model, String kind) {}

  /**
   * Every scheduled request is sent or not sent; every sent one is ok or failed (failures by
   * class). {@code scheduled == ok + failed_total + not_sent}.
   */
  public record Requests(
      long scheduled,
      long sent,
      long ok,
      Map<String, Long> failed,
      long failedTotal,
      long notSent) {
    public Requests {
      failed =
          Collections.unmodifiableMap(failed == null ? new TreeMap<>() : new TreeMap<>(failed));
      if (scheduled != ok + failedTotal + notSent) {
        throw new IllegalArgumentException(
            "scheduled must equal ok + failed_total + not_sent, got "
                + scheduled
                + " != "
                + ok
                + " + "
                + failedTotal
                + " + "
                + notSent);
      }
    }
  }

  /**
   * Successful work per second of the measured window; {@code tokenCount} says how tokens were
   * counted.
   */
  public record Throughput(
      double requestsPerS, double inputsPerS, double tokensPerS, String tokenCount) {}

  /**
   * The {@code tokenizer.json} that counted tokens exactly: its absolute path and SHA-256 (hex).
   */
  public record Tokenizer(String file, String sha256) {}

  /**
   * @param tokenCount how the token figures here were counted, as the summary's {@code token_count}
   */
  public record WorkloadInfo(
      String source,
      int inputsPerRequest,
      String tokens,
      String encodingFormat,
      Integer dimensions,
      int distinctBodies,
      double meanTokensPerInput,
      double meanTokensPerRequest,
      String tokenCount,
      Integer responseDimensions) {}
}
