package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
