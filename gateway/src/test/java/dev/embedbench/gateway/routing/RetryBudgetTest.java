package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.gateway.config.RetryConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  private final AtomicLong nanos = new AtomicLong(5);

  @Test
  void retriesAreAShareOfRequestsPlusAFloor() {
    RetryBudget budget =
        new RetryBudget(new RetryConfig(3, 0.1, 2, Duration.ofSeconds(10)), nanos::get);
    for (int i = 0; i < 50; i++) {
      budget.recordRequest();
    }
    for (int i = 0; i < 7; i++) {
      assertTrue(budget.tryRetry(), "retry " + i + " of 2 + 10% of 50");
    }
    assertFalse(budget.tryRetry());
  }

  @Test
  void theWindowSlides() {
    RetryBudget budget =
        new RetryBudget(new RetryConfig(3, 0, 1, Duration.ofSeconds(10)), nanos::get);
    assertTrue(budget.tryRetry());
    assertFalse(budget.tryRetry());
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertFalse(budget.tryRetry());
    nanos.addAndGet(Duration.ofSeconds(6).toNanos());
    assertTrue(budget.tryRetry());
  }
}
