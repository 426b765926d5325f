package dev.embedbench.loadgen;

import dev.embedbench.config.DurationText;
import dev.embedbench.loadgen.workload.TokenCounting;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a load run; written verbatim (less the API key) to the run's {@code
 * config.json}.
 *
 * @param mode open loop (a rate) or closed loop (a concurrency), with the settings of that mode
 * @param connections the most connections the pool opens
 * @param duration the measured duration, after the warm-up
 * @param maxRequests null for no bound other than the duration; counts measured requests
 * @param requestTimeout a request with no bytes back for this long fails as {@code timeout}
 * @param checkNorm whether sampled vectors must be unit-norm
 * @param readValuesEvery read vector values on one response in this many
 */
public record LoadConfig(
    String name,
    String targetUrl,
    String model,
    String apiKey,
    LoadMode mode,
    int connections,
    Duration duration,
    Long maxRequests,
    Duration warmup,
    Duration requestTimeout,
    WorkloadSpec workload,
    boolean checkNorm,
    int readValuesEvery) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_READ_VALUES_EVERY = 64;

  public LoadConfig {
    require(
        name != null && name.matches("[A-Za-z0-9._-]{1,80}"),
        "name must be 1-80 letters, digits, '.', '_' or '-', got '" + name + "'");
    require(targetUrl != null && !targetUrl.isBlank(), "target URL must be given");
    require(model != null && !model.isBlank(), "model must be given");
    require(mode != null, "mode must be open or closed");
    require(connections >= 1, "connections must be >= 1, got " + connections);
    require(
        duration != null && !duration.isNegative() && !duration.isZero(), "duration must be > 0");
    require(
        maxRequests == null || maxRequests >= 1, "max requests must be >= 1, got " + maxRequests);
    require(warmup != null && !warmup.isNegative(), "warm-up must be >= 0");
    require(
        requestTimeout != null && requestTimeout.toMillis() >= 1, "request timeout must be >= 1ms");
    require(workload != null, "workload must be given");
    require(readValuesEvery >= 1, "readValuesEvery must be >= 1, got " + readValuesEvery);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The same target and workload in another mode, under another name and pool size. */
  public LoadConfig with(String newName, LoadMode newMode, int newConnections) {
    return new LoadConfig(
        newName,
        targetUrl,
        model,
        apiKey,
        newMode,
        newConnections,
        duration,
        maxRequests,
        warmup,
        requestTimeout,
        workload,
        checkNorm,
        readValuesEvery);
  }

  /**
   * The config as written to {@code config.json}: durations as text, the API key never; the other
   * mode's settings as null.
   */
  public Map<String, Object> describe() {
    OpenLoop open = mode instanceof OpenLoop o ? o : null;
    ClosedLoop closed = mode instanceof ClosedLoop c ? c : null;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("target", targetUrl);
    out.put("model", model);
    out.put("api_key", apiKey == null || apiKey.isEmpty() ? null : "(given, not recorded)");
    out.put("mode", mode.label());
    out.put("rate", open == null ? null : open.ratePerSecond());
    out.put("arrival", open == null ? null : open.arrival().label());
    out.put("concurrency", closed == null ? null : closed.concurrency());
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
    out.put("seed", open == null ? null : open.seed());
    out.put("max_outstanding", open == null ? null : open.maxOutstanding());
    out.put("max_lag_p99", open == null ? null : DurationText.format(open.maxLagP99()));
    out.put("check_norm", checkNorm);
    out.put("read_values_every", readValuesEvery);
    return out;
  }
}
