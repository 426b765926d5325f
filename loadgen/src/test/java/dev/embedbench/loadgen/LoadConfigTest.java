package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadConfigTest {

  @Test
  void configsStateTheirRules() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.open(
                    "http://127.0.0.1:1/v1", 0, 1, Duration.ofSeconds(1), Duration.ZERO));
    assertEquals("open loop needs a rate > 0 requests/s, got 0.0", e.getMessage());
    assertEquals(25, OpenLoop.defaultConnections(100.0));
    assertEquals(4, OpenLoop.defaultConnections(1.0));
    assertEquals(7, new ClosedLoop(7).defaultConnections());
  }
}
