package dev.embedbench.loadgen.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ValueSampleTest {

  @Test
  void takesMultiplesOfEveryOnly() {
    ValueSample sample = new ValueSample(4, () -> 0L);
    assertTrue(sample.take(0));
    assertFalse(sample.take(1));
    assertFalse(sample.take(3));
    assertTrue(sample.take(8));
  }

  @Test
  void takesAtMostItsCapInASecondThenAgainInTheNext() {
    AtomicLong clock = new AtomicLong();
    ValueSample sample = new ValueSample(1, clock::get);
    int taken = 0;
    for (int i = 0; i < 1000; i++) {
      taken += sample.take(i) ? 1 : 0;
    }
    assertEquals(ValueSample.MAX_PER_SECOND, taken);
    clock.set(1_000_000_000L);
    assertTrue(sample.take(1000), "a new second, a new allowance");
  }
}
