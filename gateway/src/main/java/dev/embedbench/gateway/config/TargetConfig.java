package dev.embedbench.gateway.config;

import dev.embedbench.backends.spi.BackendSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * One backend of a route and the limits the gateway keeps for it.
 *
 * @param name unique across the configuration; the {@code target} tag in metrics and logs
 * @param weight share of first attempts; 0 makes it a fallback used only on failover
 * @param timeout an attempt still running after this fails with 504 and may fail over
 * @param maxConcurrency gateway requests in flight to it beyond which another target is tried
 * @param maxBatchInputs inputs per upstream call; larger requests are split
 * @param maxBatchTokens estimated tokens per upstream call; larger requests are split
 * @param circuitBreaker when it is taken out and probed back
 * @param spec how its backend is built
 */
public record TargetConfig(
    String name,
    int weight,
    Duration timeout,
    int maxConcurrency,
    int maxBatchInputs,
    int maxBatchTokens,
    CircuitBreakerConfig circuitBreaker,
    BackendSpec spec) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONCURRENCY = 256;

  public TargetConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    Objects.requireNonNull(spec, "spec");
    if (weight < 0) {
      throw new IllegalArgumentException("weight must be >= 0, was " + weight);
    }
    if (maxConcurrency < 1 || maxBatchInputs < 1 || maxBatchTokens < 1) {
      throw new IllegalArgumentException(
          "maxConcurrency, maxBatchInputs and maxBatchTokens must be >= 1");
    }
  }

  public String type() {
    return spec.type();
  }
}
