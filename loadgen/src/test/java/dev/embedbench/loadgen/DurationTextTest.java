package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void parsesUnitsAndFormatsBack() {
    assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
    assertEquals(Duration.ofSeconds(12), DurationText.parse("12s"));
    assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
    assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s"));
    assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
    assertEquals("5m", DurationText.format(DurationText.parse("300s")));
    assertEquals("0s", DurationText.format(Duration.ZERO));
  }

  @Test
  void rejectsNumbersWithoutUnits() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse("30"));
    assertEquals("duration must be a number with a unit (us, ms, s, m, h), such as 500ms or 30s; got '30'",
        e.getMessage());
  }

  @Test
  void configsStateTheirRules() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestConfigs.open("http://127.0.0.1:1/v1", 0, 1, Duration.ofSeconds(1), Duration.ZERO));
    assertEquals("open loop needs a rate > 0 requests/s, got 0.0", e.getMessage());
    assertEquals(25, LoadConfig.defaultConnections(LoadMode.OPEN, 100.0, null));
    assertEquals(4, LoadConfig.defaultConnections(LoadMode.OPEN, 1.0, null));
    assertEquals(7, LoadConfig.defaultConnections(LoadMode.CLOSED, null, 7));
  }
}
