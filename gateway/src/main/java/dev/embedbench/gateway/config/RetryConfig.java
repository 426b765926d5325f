package dev.embedbench.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a route may retry on other targets. A retry happens only after a connection error, a
 * 5xx, a timeout or an overloaded target, and only while the budget allows, so that a struggling
 * fleet is not hit with a multiple of its load.
 *
 * @param maxAttempts attempts per request, the first included
 * @param budgetRatio retries allowed as a share of requests over {@code budgetWindow}
 * @param budgetMinRetries retries always allowed per window, so that low traffic can still fail
 *     over
 * @param budgetWindow the sliding window the budget is counted over
 */
public record RetryConfig(
    int maxAttempts, double budgetRatio, int budgetMinRetries, Duration budgetWindow) {

  public RetryConfig {
    Objects.requireNonNull(budgetWindow, "budgetWindow");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (!(budgetRatio >= 0 && budgetRatio <= 1)) {
      throw new IllegalArgumentException("budgetRatio must be in [0, 1], was " + budgetRatio);
    }
    if (budgetMinRetries < 0) {
      throw new IllegalArgumentException("budgetMinRetries must be >= 0, was " + budgetMinRetries);
    }
    if (budgetWindow.isZero() || budgetWindow.isNegative()) {
      throw new IllegalArgumentException("budgetWindow must be positive");
    }
  }

  public static RetryConfig defaults() {
    return new RetryConfig(3, 0.2, 10, Duration.ofSeconds(10));
  }
}
