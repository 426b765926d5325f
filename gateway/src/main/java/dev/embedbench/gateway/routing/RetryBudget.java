package dev.embedbench.gateway.routing;

import dev.embedbench.gateway.config.RetryConfig;
import java.util.function.LongSupplier;

/**
 * Caps a route's retries at a share of its requests over a sliding window, plus a small floor so
 * that light traffic can still fail over. When a fleet is failing, retries would otherwise multiply
 * its load; the budget keeps the multiple at most {@code 1 + budgetRatio}.
 *
 * <p>Thread-safe: a short synchronized section per call, shared by the route's event loops.
 */
final class RetryBudget {

  private final RetryConfig config;
  private final LongSupplier nanoClock;

  /** first: requests, second: retries. */
  private final SlidingWindowCounts counts;

  RetryBudget(RetryConfig config, LongSupplier nanoClock) {
    this.config = config;
    this.nanoClock = nanoClock;
    this.counts = new SlidingWindowCounts(config.budgetWindow(), 10);
  }

  synchronized void recordRequest() {
    counts.add(nanoClock.getAsLong(), 1, 0);
  }

  /** Takes one retry from the budget, or returns false when it is spent. */
  synchronized boolean tryRetry() {
    long now = nanoClock.getAsLong();
    long requests = counts.firstSum(now);
    long retries = counts.secondSum(now);
    if (retries >= config.budgetMinRetries() + (long) Math.floor(config.budgetRatio() * requests)) {
      return false;
    }
    counts.add(now, 0, 1);
    return true;
  }
}
