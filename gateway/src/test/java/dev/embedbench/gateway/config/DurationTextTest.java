package dev.embedbench.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void parsesEveryUnit() {
    assertEquals(Duration.ofNanos(250_000), DurationText.parse("250us"));
    assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
    assertEquals(Duration.ofSeconds(2), DurationText.parse("2s"));
    assertEquals(Duration.ofMinutes(3), DurationText.parse(" 3 m"));
    assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
  }

  @Test
  void rejectsOtherForms() {
    for (String bad : new String[] {"2", "1.5s", "-1s", "2 seconds", "PT2S", ""}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
      assertEquals(true, e.getMessage().contains("500ms"));
    }
  }
}
