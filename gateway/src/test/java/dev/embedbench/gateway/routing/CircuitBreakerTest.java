package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.gateway.config.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final AtomicLong nanos = new AtomicLong();
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          new CircuitBreakerConfig(3, 0.5, 10, Duration.ofSeconds(10), Duration.ofSeconds(5)),
          nanos::get);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(breaker.tryAcquire());
      breaker.onFailure();
    }
  }

  @Test
  void consecutiveFailuresOpen() {
    fail(2);
    assertTrue(breaker.tryAcquire());
    breaker.onSuccess();
    fail(2);
    assertEquals(CircuitState.CLOSED, breaker.state(), "a success resets the run");
    fail(1);
    assertEquals(CircuitState.OPEN, breaker.state());
    assertFalse(breaker.tryAcquire());
    assertFalse(breaker.wouldPermit());
  }

  @Test
  void halfOpenLetsOneProbeThrough() {
    fail(3);
    nanos.addAndGet(Duration.ofMillis(4999).toNanos());
    assertEquals(CircuitState.OPEN, breaker.state());
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertEquals(CircuitState.HALF_OPEN, breaker.state());
    assertTrue(breaker.wouldPermit());
    assertTrue(breaker.tryAcquire());
    assertFalse(breaker.tryAcquire(), "only one probe at a time");
    assertFalse(breaker.wouldPermit());
    breaker.onSuccess();
    assertEquals(CircuitState.CLOSED, breaker.state());
    assertTrue(breaker.tryAcquire());
    assertTrue(breaker.tryAcquire());
  }

  @Test
  void failedProbeReopensForAnotherCoolDown() {
    fail(3);
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertTrue(breaker.tryAcquire());
    breaker.onFailure();
    assertEquals(CircuitState.OPEN, breaker.state());
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    assertFalse(breaker.tryAcquire());
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertTrue(breaker.tryAcquire());
  }

  @Test
  void neutralProbeFreesTheSlotWithoutDeciding() {
    fail(3);
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertTrue(breaker.tryAcquire());
    breaker.onNeutral();
    assertEquals(CircuitState.HALF_OPEN, breaker.state());
    assertTrue(breaker.tryAcquire());
  }

  @Test
  void failureRateOpensOnceEnoughCalls() {
    CircuitBreaker rate =
        new CircuitBreaker(
            new CircuitBreakerConfig(100, 0.5, 10, Duration.ofSeconds(10), Duration.ofSeconds(5)),
            nanos::get);
    for (int i = 0; i < 4; i++) {
      rate.tryAcquire();
      rate.onSuccess();
      rate.tryAcquire();
      rate.onFailure();
    }
    assertEquals(CircuitState.CLOSED, rate.state(), "8 calls are below minimum_calls");
    rate.tryAcquire();
    rate.onSuccess();
    rate.tryAcquire();
    rate.onFailure();
    assertEquals(CircuitState.OPEN, rate.state(), "5 of 10 failed");
  }

  @Test
  void oldFailuresExpireFromTheWindow() {
    CircuitBreaker rate =
        new CircuitBreaker(
            new CircuitBreakerConfig(100, 0.5, 4, Duration.ofSeconds(10), Duration.ofSeconds(5)),
            nanos::get);
    for (int i = 0; i < 3; i++) {
      rate.tryAcquire();
      rate.onFailure();
    }
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    for (int i = 0; i < 3; i++) {
      rate.tryAcquire();
      rate.onSuccess();
    }
    rate.tryAcquire();
    rate.onFailure();
    assertEquals(CircuitState.CLOSED, rate.state(), "1 of 4 in the window failed");
  }
}
