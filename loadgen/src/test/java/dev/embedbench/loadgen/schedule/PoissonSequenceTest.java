package dev.embedbench.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoissonSequenceTest {

  @Test
  void meanGapMatchesTheRateAndGapsAreExponential() {
    PoissonSequence sequence = new PoissonSequence(1000, 42);
    int n = 200_000;
    double sum = 0;
    double sumOfSquares = 0;
    long previous = sequence.fireTimeNanos(0);
    for (int i = 1; i <= n; i++) {
      long next = sequence.fireTimeNanos(i);
      assertTrue(next >= previous, "fire times never go backwards");
      double gap = next - previous;
      sum += gap;
      sumOfSquares += gap * gap;
      previous = next;
    }
    double mean = sum / n;
    double std = Math.sqrt(sumOfSquares / n - mean * mean);
    assertEquals(1_000_000, mean, 10_000, "mean gap of 1 ms at 1000/s");
    // An exponential distribution's standard deviation equals its mean (coefficient of variation
    // 1).
    assertEquals(1.0, std / mean, 0.02);
  }

  @Test
  void isAFunctionOfIndexAndSeed() {
    PoissonSequence a = new PoissonSequence(50, 7);
    PoissonSequence b = new PoissonSequence(50, 7);
    long tenth = a.fireTimeNanos(10);
    assertEquals(tenth, b.fireTimeNanos(10));
    a.fireTimeNanos(1000);
    assertEquals(tenth, a.fireTimeNanos(10), "asking out of order replays the same stream");
    assertNotEquals(tenth, new PoissonSequence(50, 8).fireTimeNanos(10));
    assertEquals(0, a.fireTimeNanos(0));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new PoissonSequence(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PoissonSequence(1, 1).fireTimeNanos(-1));
  }

  @Test
  void arrivalProcessesParseTheirNames() {
    assertEquals(ArrivalProcess.POISSON, ArrivalProcess.parse("Poisson"));
    assertTrue(ArrivalProcess.CONSTANT.sequence(10, 1) instanceof ConstantRateSequence);
    assertThrows(IllegalArgumentException.class, () -> ArrivalProcess.parse("bursty"));
  }
}
