package dev.embedbench.gateway.routing;

import dev.embedbench.gateway.config.CircuitBreakerConfig;
import java.util.function.LongSupplier;

/**
 * Takes a failing target out of rotation and probes it back. Opens after {@code
 * consecutiveFailures} failures in a row, or when the failure share over the window reaches {@code
 * failureRate} with at least {@code minimumCalls} calls. After {@code openDuration} one probe is
 * let through (half-open): success closes the circuit, failure reopens it for another cool-down.
 *
 * <p>Every permitted call must end in exactly one of {@link #onSuccess}, {@link #onFailure} or
 * {@link #onNeutral}. Thread-safe: transitions happen in short synchronized sections; the common
 * question "closed?" is a volatile read, so healthy targets cost no lock on the request path.
 */
final class CircuitBreaker {

  private final CircuitBreakerConfig config;
  private final LongSupplier nanoClock;

  /** first: calls, second: failures. */
  private final SlidingWindowCounts window;

  private volatile CircuitState state = CircuitState.CLOSED;
  private int consecutiveFailures;
  private long openedAtNanos;
  private boolean probeInFlight;

  CircuitBreaker(CircuitBreakerConfig config, LongSupplier nanoClock) {
    this.config = config;
    this.nanoClock = nanoClock;
    this.window = new SlidingWindowCounts(config.window(), 10);
  }

  /** The state now; an open circuit whose cool-down has ended reads as half-open. */
  CircuitState state() {
    CircuitState now = state;
    if (now == CircuitState.CLOSED) {
      return now;
    }
    synchronized (this) {
      if (state == CircuitState.OPEN && coolDownOver()) {
        return CircuitState.HALF_OPEN;
      }
      return state;
    }
  }

  /** Whether a call would be permitted now, without taking the permission. */
  boolean wouldPermit() {
    if (state == CircuitState.CLOSED) {
      return true;
    }
    synchronized (this) {
      return switch (state()) {
        case CLOSED -> true;
        case HALF_OPEN -> !probeInFlight;
        case OPEN -> false;
      };
    }
  }

  /** Takes permission for one call; in half-open only one probe at a time gets it. */
  boolean tryAcquire() {
    if (state == CircuitState.CLOSED) {
      return true;
    }
    synchronized (this) {
      return tryAcquireLocked();
    }
  }

  private boolean tryAcquireLocked() {
    if (state == CircuitState.OPEN && coolDownOver()) {
      state = CircuitState.HALF_OPEN;
      probeInFlight = false;
    }
    return switch (state) {
      case CLOSED -> true;
      case HALF_OPEN -> {
        boolean free = !probeInFlight;
        probeInFlight = true;
        yield free;
      }
      case OPEN -> false;
    };
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

  /**
   * A call that says nothing about the target's health (it was abandoned, or was the caller's
   * fault).
   */
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
