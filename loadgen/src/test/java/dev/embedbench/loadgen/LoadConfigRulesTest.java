package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadConfigRulesTest {

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
