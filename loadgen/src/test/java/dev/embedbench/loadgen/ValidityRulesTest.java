package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.loadgen.record.Counts;
import dev.embedbench.results.Percentiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidityRulesTest {

  private static final LoadConfig OPEN =
      TestConfigs.open("http://127.0.0.1:1/v1", 100, 4, Duration.ofSeconds(1), Duration.ZERO);
  private static final Counts CLEAN = new Counts(100, 0, 100, 200, 1000, Map.of());

  private static Percentiles lagP99(double millis) {
    return new Percentiles(100, 0.1, 0.2, millis, millis, millis, 0.1);
  }

  @Test
  void aRunThatKeptItsScheduleIsValid() {
    assertEquals(List.of(), ValidityRules.invalidReasons(OPEN, CLEAN, 100, lagP99(1)));
  }

  @Test
  void lagOverBudgetSlowRateAndUnsentRequestsEachMakeItInvalid() {
    List<String> reasons =
        ValidityRules.invalidReasons(
            OPEN, new Counts(90, 10, 90, 180, 900, Map.of()), 97.0, lagP99(60));
    assertEquals(3, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("10 scheduled requests were not sent"), reasons.get(0));
    assertTrue(
        reasons.get(1).startsWith("schedule lag p99 60.000 ms is over the 50.000 ms budget"),
        reasons.get(1));
    assertTrue(
        reasons.get(2).startsWith("achieved rate 97.00/s is under 99% of the target 100.00/s"),
        reasons.get(2));
  }

  @Test
  void aSlowRateMayMissItsTargetByOneRequestOfRounding() {
    LoadConfig slow =
        TestConfigs.open("http://127.0.0.1:1/v1", 0.6, 4, Duration.ofSeconds(1), Duration.ZERO);
    // 12 s at 0.6/s: 7 fire times in the window, 0.583/s, under 99% of 0.6 only by rounding.
    assertEquals(
        List.of(),
        ValidityRules.invalidReasons(
            slow, new Counts(7, 0, 7, 7, 224, Map.of()), 7 / 12.0, lagP99(1)));
    assertEquals(
        1,
        ValidityRules.invalidReasons(
                slow, new Counts(6, 0, 6, 6, 192, Map.of()), 6 / 12.0, lagP99(1))
            .size());
  }

  @Test
  void closedLoopsHaveNoScheduleToKeep() {
    LoadConfig closed =
        TestConfigs.closed("http://127.0.0.1:1/v1", 2, 2, Duration.ofSeconds(1), null);
    assertEquals(List.of(), ValidityRules.invalidReasons(closed, CLEAN, 3, lagP99(1000)));
  }

  @Test
  void countsSubtractAndCountTheInFlightAsAbandoned() {
    Counts later = new Counts(10, 1, 6, 12, 60, Map.of("http_503", 2L));
    Counts earlier = new Counts(4, 0, 3, 6, 30, Map.of("http_503", 1L));
    Counts delta = later.minus(earlier);
    assertEquals(new Counts(6, 1, 3, 6, 30, Map.of("http_503", 1L)), delta);
    assertEquals(11, later.scheduled());
    Counts closed = later.withInFlightAs("abandoned");
    assertEquals(Map.of("http_503", 2L, "abandoned", 2L), closed.failures());
    assertEquals(closed.scheduled(), closed.ok() + closed.failed() + closed.notSent());
  }
}
