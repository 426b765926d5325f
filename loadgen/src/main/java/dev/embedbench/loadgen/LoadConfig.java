package dev.embedbench.loadgen;

import dev.embedbench.config.DurationText;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.workload.TokenCounting;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a load run; written verbatim (less the API key) to the run's {@code
 * config.json}.
 *
 * @param ratePerSecond open loop only
 * @param arrival open loop only
 * @param concurrency closed loop only
 * @param connections the most connections the pool opens
 * @param duration the measured duration, after the warm-up
 * @param maxRequests null for no bound other than the duration; counts measured requests
 * @param requestTimeout a request with no bytes back for this long fails as {@code timeout}
 * @param maxOutstanding open loop: a due request that finds this many unfinished is counted as not
 *     sent
 * @param maxLagP99 open loop: a run whose schedule lag p99 exceeds this is marked invalid
 * @param checkNorm whether sampled vectors must be unit-norm
 * @param readValuesEvery read vector values on one response in this many
 */
public record LoadConfig(
    String name,
    String targetUrl,
    String model,
    String apiKey,
    LoadMode mode,
    Double ratePerSecond,
    ArrivalProcess arrival,
    Integer concurrency,
    int connections,
    Duration duration,
    Long maxRequests,
    Duration warmup,
    Duration requestTimeout,
    WorkloadSpec workload,
    long seed,
    long maxOutstanding,
    Duration maxLagP99,
    boolean checkNorm,
    int readValuesEvery) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_LAG_P99 = Duration.ofMillis(10);
  public static final long DEFAULT_MAX_OUTSTANDING = 10_000;
  public static final int DEFAULT_READ_VALUES_EVERY = 64;

  public LoadConfig {
    require(
        name != null && name.matches("[A-Za-z0-9._-]{1,80}"),
        "name must be 1-80 letters, digits, '.', '_' or '-', got '" + name + "'");
    require(targetUrl != null && !targetUrl.isBlank(), "target URL must be given");
    require(model != null && !model.isBlank(), "model must be given");
    require(mode != null, "mode must be open or closed");
    if (mode == LoadMode.OPEN) {
      require(
          ratePerSecond != null && ratePerSecond > 0 && Double.isFinite(ratePerSecond),
          "open loop needs a rate > 0 requests/s, got " + ratePerSecond);
      require(arrival != null, "open loop needs an arrival process");
      require(
          concurrency == null, "give a rate (open loop) or a concurrency (closed loop), not both");
    } else {
      require(
          concurrency != null && concurrency >= 1,
          "closed loop needs a concurrency >= 1, got " + concurrency);
      require(
          ratePerSecond == null,
          "give a rate (open loop) or a concurrency (closed loop), not both");
    }
    require(connections >= 1, "connections must be >= 1, got " + connections);
    require(
        duration != null && !duration.isNegative() && !duration.isZero(), "duration must be > 0");
    require(
        maxRequests == null || maxRequests >= 1, "max requests must be >= 1, got " + maxRequests);
    require(warmup != null && !warmup.isNegative(), "warm-up must be >= 0");
    require(
        requestTimeout != null && requestTimeout.toMillis() >= 1, "request timeout must be >= 1ms");
    require(workload != null, "workload must be given");
    require(maxOutstanding >= 1, "max outstanding must be >= 1, got " + maxOutstanding);
    require(maxLagP99 != null && !maxLagP99.isNegative(), "max lag p99 must be >= 0");
    require(readValuesEvery >= 1, "readValuesEvery must be >= 1, got " + readValuesEvery);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Connections enough for the rate at a mean latency up to 250 ms (Little's law), within 4..512.
   */
  public static int defaultConnections(LoadMode mode, Double ratePerSecond, Integer concurrency) {
    if (mode == LoadMode.CLOSED) {
      return concurrency;
    }
    return (int) Math.max(4, Math.min(512, Math.ceil(ratePerSecond * 0.25)));
  }

  public LoadConfig withRate(String newName, double newRatePerSecond) {
    return new LoadConfig(
        newName,
        targetUrl,
        model,
        apiKey,
        mode,
        newRatePerSecond,
        arrival,
        concurrency,
        connections,
        duration,
        maxRequests,
        warmup,
        requestTimeout,
        workload,
        seed,
        maxOutstanding,
        maxLagP99,
        checkNorm,
        readValuesEvery);
  }

  /**
   * The same target and workload in a closed loop: {@code concurrency} requests in flight, one
   * connection each.
   */
  public LoadConfig asClosedLoop(String newName, int concurrency) {
    return new LoadConfig(
        newName,
        targetUrl,
        model,
        apiKey,
        LoadMode.CLOSED,
        null,
        null,
        concurrency,
        concurrency,
        duration,
        maxRequests,
        warmup,
        requestTimeout,
        workload,
        seed,
        maxOutstanding,
        maxLagP99,
        checkNorm,
        readValuesEvery);
  }

  public LoadConfig withConnections(int newConnections) {
    return new LoadConfig(
        name,
        targetUrl,
        model,
        apiKey,
        mode,
        ratePerSecond,
        arrival,
        concurrency,
        newConnections,
        duration,
        maxRequests,
        warmup,
        requestTimeout,
        workload,
        seed,
        maxOutstanding,
        maxLagP99,
        checkNorm,
        readValuesEvery);
  }

  /** The config as written to {@code config.json}: durations as text, the API key never. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("target", targetUrl);
    out.put("model", model);
    out.put("api_key", apiKey == null || apiKey.isEmpty() ? null : "(given, not recorded)");
    out.put("mode", mode.label());
    out.put("rate", ratePerSecond);
    out.put("arrival", arrival == null ? null : arrival.label());
    out.put("concurrency", concurrency);
    out.put("connections", connections);
    out.put("duration", DurationText.format(duration));
    out.put("max_requests", maxRequests);
    out.put("warmup", DurationText.format(warmup));
    out.put("request_timeout", DurationText.format(requestTimeout));
    Map<String, Object> work = new LinkedHashMap<>();
    work.put("source", workload.source());
    work.put("inputs_per_request", workload.inputsPerRequest());
    work.put("tokens", workload.tokens() == null ? null : workload.tokens().toString());
    work.put(
        "encoding_format",
        workload.encodingFormat() == null ? null : workload.encodingFormat().wireName());
    work.put("dimensions", workload.dimensions());
    work.put(
        "token_count",
        workload.tokenizer() == null ? TokenCounting.ESTIMATED : TokenCounting.EXACT);
    work.put(
        "tokenizer",
        workload.tokenizer() == null
            ? null
            : workload.tokenizer().toAbsolutePath().normalize().toString());
    out.put("workload", work);
    out.put("seed", seed);
    out.put("max_outstanding", maxOutstanding);
    out.put("max_lag_p99", DurationText.format(maxLagP99));
    out.put("check_norm", checkNorm);
    out.put("read_values_every", readValuesEvery);
    return out;
  }
}
