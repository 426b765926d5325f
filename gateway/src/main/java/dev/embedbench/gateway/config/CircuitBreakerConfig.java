package dev.embedbench.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failing target is taken out and how it is probed back.
 *
 * @param consecutiveFailures this many failures in a row open the circuit
 * @param failureRate a failure share over {@code window} at or above which the circuit opens
 * @param minimumCalls calls needed in the window before {@code failureRate} is judged
 * @param window the sliding window for the failure rate
 * @param openDuration the cool-down before one probe request is let through (half-open)
 */
public record CircuitBreakerConfig(
    int consecutiveFailures,
    double failureRate,
    int minimumCalls,
    Duration window,
    Duration openDuration) {

  public CircuitBreakerConfig {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(openDuration, "openDuration");
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException(
          "consecutiveFailures must be >= 1, was " + consecutiveFailures);
    }
    if (!(failureRate > 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failureRate must be in (0, 1], was " + failureRate);
    }
    if (minimumCalls < 1) {
      throw new IllegalArgumentException("minimumCalls must be >= 1, was " + minimumCalls);
    }
    if (window.isZero()
        || window.isNegative()
        || openDuration.isZero()
        || openDuration.isNegative()) {
      throw new IllegalArgumentException("window and openDuration must be positive");
    }
  }

  public static CircuitBreakerConfig defaults() {
    return new CircuitBreakerConfig(5, 0.5, 20, Duration.ofSeconds(10), Duration.ofSeconds(5));
  }
}
