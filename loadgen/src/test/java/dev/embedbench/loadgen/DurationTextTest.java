package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void formatsInTheLargestExactUnit() {
    assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
    assertEquals("5m", DurationText.format(Duration.ofSeconds(300)));
    assertEquals("2h", DurationText.format(Duration.ofMinutes(120)));
    assertEquals("250us", DurationText.format(Duration.ofNanos(250_000)));
    assertEquals("0s", DurationText.format(Duration.ZERO));
  }

  @Test
  void configsStateTheirRules() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.open(
                    "http://127.0.0.1:1/v1", 0, 1, Duration.ofSeconds(1), Duration.ZERO));
    assertEquals("open loop needs a rate > 0 requests/s, got 0.0", e.getMessage());
    assertEquals(25, LoadConfig.defaultConnections(LoadMode.OPEN, 100.0, null));
    assertEquals(4, LoadConfig.defaultConnections(LoadMode.OPEN, 1.0, null));
    assertEquals(7, LoadConfig.defaultConnections(LoadMode.CLOSED, null, 7));
  }
}
