package dev.embedbench.gateway.routing;

import dev.embedbench.gateway.config.CircuitBreakerConfig;
import java.util.function.LongSupplier;

/**
 * Takes a failing target out of rotation and probes it back. Opens after {@code consecutiveFailures}
 * failures in a row, or when the failure share over the window reaches {@code failureRate} with at
 * least {@code minimumCalls} calls. After {@code openDuration} one probe is let through (half-open):
 * success closes the circuit, failure reopens it for another cool-down.
 *
 * <p>Every permitted call must end in exactly one of {@link #onSuccess}, {@link #onFailure} or
 * {@link #onNeutral}. Thread-safe: short synchronized sections.
 */
final class CircuitBreaker {

  private final CircuitBreakerConfig config;
  private final LongSupplier nanoClock;
  /** first: calls, second: failures. */
  private final SlidingWindowCounts window;
  private CircuitState state = CircuitState.CLOSED;
  private int consecutiveFailures;
  private long openedAtNanos;
  private boolean probeInFlight;

  CircuitBreaker(CircuitBreakerConfig config, LongSupplier nanoClock) {
    this.config = config;
    this.nanoClock = nanoClock;
    this.window = new SlidingWindowCounts(config.window(), 10);
  }

  /** The state now; an open circuit whose cool-down has ended reads as half-open. */
  synchronized CircuitState state() {
    if (state == CircuitState.OPEN && coolDownOver()) {
      return CircuitState.HALF_OPEN;
    }
    return state;
  }

  /** Whether a call would be permitted now, without taking the permission. */
  synchronized boolean wouldPermit() {
    return switch (state()) {
      case CLOSED -> true;
      case HALF_OPEN -> !probeInFlight;
      case OPEN -> false;
    };
  }

  /** Takes permission for one call; in half-open only one probe at a time gets it. */
  synchronized boolean tryAcquire() {
    if (state == CircuitState.OPEN && coolDownOver()) {
      state = CircuitState.HALF_OPEN;
      probeInFlight = false;
    }
    switch (state) {
      case CLOSED:
        return true;
      case HALF_OPEN:
        if (probeInFlight) {
          return false;
        }
        probeInFlight = true;
        return true;
      default:
        return false;
    }
  }

  synchronized void onSuccess() {
    long now = nanoClock.getAsLong();
    consecutiveFailures = 0;
    if (state == CircuitState.HALF_OPEN) {
      state = CircuitState.CLOSED;
      probeInFlight = false;
      window.clear();
    }
    window.add(now, 1, 0);
  }

  synchronized void onFailure() {
    long now = nanoClock.getAsLong();
    if (state == CircuitState.HALF_OPEN) {
      open(now);
      return;
    }
    if (state == CircuitState.OPEN) {
      return;
    }
    consecutiveFailures++;
    window.add(now, 1, 1);
    long calls = window.firstSum(now);
    long failures = window.secondSum(now);
    boolean rateTripped =
        calls >= config.minimumCalls() && failures >= config.failureRate() * calls;
    if (consecutiveFailures >= config.consecutiveFailures() || rateTripped) {
      open(now);
    }
  }

  /** A call that says nothing about the target's health (it was abandoned, or was the caller's fault). */
  synchronized void onNeutral() {
    if (state == CircuitState.HALF_OPEN) {
      probeInFlight = false;
    }
  }

  private void open(long nowNanos) {
    state = CircuitState.OPEN;
    openedAtNanos = nowNanos;
    probeInFlight = false;
    consecutiveFailures = 0;
    window.clear();
  }

  private boolean coolDownOver() {
    return nanoClock.getAsLong() - openedAtNanos >= config.openDuration().toNanos();
  }
}
