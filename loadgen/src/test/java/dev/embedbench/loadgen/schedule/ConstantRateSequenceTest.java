package dev.embedbench.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantRateSequenceTest {

  @Test
  void firesEveryIntervalFromZero() {
    ConstantRateSequence sequence = new ConstantRateSequence(200);
    assertEquals(0, sequence.fireTimeNanos(0));
    assertEquals(5_000_000, sequence.fireTimeNanos(1));
    assertEquals(5_000_000_000L, sequence.fireTimeNanos(1000));
  }

  @Test
  void roundingDoesNotAccumulateOverLongRuns() {
    ConstantRateSequence sequence = new ConstantRateSequence(3);
    // One hour at 3/s: the 10,800th request is due at exactly 3,600 s, within a nanosecond.
    assertEquals(3_600_000_000_000L, sequence.fireTimeNanos(10_800), 1);
  }

  @Test
  void isAPureFunctionOfTheIndex() {
    ConstantRateSequence sequence = new ConstantRateSequence(7.5);
    long later = sequence.fireTimeNanos(500);
    assertEquals(sequence.fireTimeNanos(10), new ConstantRateSequence(7.5).fireTimeNanos(10));
    assertEquals(later, sequence.fireTimeNanos(500));
    assertTrue(sequence.fireTimeNanos(11) > sequence.fireTimeNanos(10));
  }

  @Test
  void rejectsRatesThatAreNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new ConstantRateSequence(0));
    assertThrows(IllegalArgumentException.class, () -> new ConstantRateSequence(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new ConstantRateSequence(-1).fireTimeNanos(0));
  }
}
