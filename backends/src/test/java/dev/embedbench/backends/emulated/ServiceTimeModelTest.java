package dev.embedbench.backends.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceTimeModelTest {

  private static EmulatorProfile.ServiceTime lognormal(double cv, long seed) {
    return new EmulatorProfile.ServiceTime(
        Duration.ofMillis(10), Duration.ofNanos(50_000), LatencyDistribution.LOGNORMAL, cv, seed);
  }

  @Test
  void meanIsBasePlusPerTokenCost() {
    assertEquals(10_000_000 + 100 * 50_000, new ServiceTimeModel(lognormal(0.3, 1)).meanNanos(100));
  }

  @Test
  void fixedAlwaysGivesTheMean() {
    ServiceTimeModel model =
        new ServiceTimeModel(
            new EmulatorProfile.ServiceTime(
                Duration.ofMillis(5), Duration.ofNanos(1000), LatencyDistribution.FIXED, 0, 1));
    for (int i = 0; i < 100; i++) {
      assertEquals(5_010_000, model.sampleNanos(10));
    }
  }

  @Test
  void lognormalKeepsTheConfiguredMeanAndSpread() {
    ServiceTimeModel model = new ServiceTimeModel(lognormal(0.5, 42));
    int n = 200_000;
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < n; i++) {
      double x = model.sampleNanos(0);
      assertTrue(x > 0);
      sum += x;
      sumOfSquares += x * x;
    }
    double mean = sum / n;
    double cv = Math.sqrt(sumOfSquares / n - mean * mean) / mean;
    assertEquals(10_000_000, mean, 10_000_000 * 0.01);
    assertEquals(0.5, cv, 0.5 * 0.05);
  }

  @Test
  void sameSeedSameDraws() {
    ServiceTimeModel a = new ServiceTimeModel(lognormal(0.2, 7));
    ServiceTimeModel b = new ServiceTimeModel(lognormal(0.2, 7));
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.sampleNanos(i), b.sampleNanos(i));
    }
  }
}
