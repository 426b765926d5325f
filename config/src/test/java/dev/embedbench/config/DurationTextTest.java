package dev.embedbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

  @ParameterizedTest(name = "#{index} {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7ns          | 7",
        "250us        | 250000",
        "40\u00b5s    | 40000",
        "40\u03bcs    | 40000",
        "500ms        | 500000000",
        "63.72ms      | 63720000",
        "1.5s         | 1500000000",
        "2.000s       | 2000000000",
        "0.000015ms   | 15",
        "' 3 m '      | 180000000000",
        "1h           | 3600000000000",
        "0            | 0",
        "0ms          | 0",
        "2562047h     | 9223369200000000000",
        "9223372036854775807ns | 9223372036854775807",
      })
  void parsesEveryUnitExactly(String text, long nanos) {
    assertEquals(Duration.ofNanos(nanos), DurationText.parse(text));
  }

  @ParameterizedTest(name = "#{index} {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 seconds     | must be a duration: an unsigned number and a unit (ns, us (or µs), ms, s, m or h), such as 500ms, 1.5s or 40us; was '2 seconds'",
        "PT2S          | must be a duration: an unsigned number and a unit",
        "''            | must be a duration: an unsigned number and a unit",
        "+1s           | must be a duration: an unsigned number and a unit",
        ".5s           | must be a duration: an unsigned number and a unit",
        "1.s           | must be a duration: an unsigned number and a unit",
        "1e3ms         | must be a duration: an unsigned number and a unit",
        "2d            | must be a duration: an unsigned number and a unit",
        "2             | must be a duration with a unit (ns, us (or µs), ms, s, m or h), such as 2ms or 2s; only 0 may go without one; was '2'",
        "0.0           | must be a duration with a unit",
        "30S           | must be a duration with its unit in lower case",
        "-1s           | must not be negative, was '-1s'",
        "-0            | must not be negative",
        "1.5ns         | '1.5ns' is 1.5ns, finer than the one-nanosecond resolution of a duration; write 1ns or 2ns",
        "0.0000001ms   | '0.0000001ms' is 0.1ns, finer than the one-nanosecond resolution of a duration; write 0ns or 1ns",
        "2562048h      | must be at most 2562047h (about 292 years",
        "9223372036854775808ns | must be at most 2562047h",
        "99999999999999999999999999h | must be at most 2562047h",
      })
  void refusesWithTheReason(String text, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text), text);
    assertTrue(e.getMessage().startsWith(reason), e.getMessage());
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
    assertEquals("5m", DurationText.format(Duration.ofSeconds(300)));
    assertEquals("2h", DurationText.format(Duration.ofMinutes(120)));
    assertEquals("250us", DurationText.format(Duration.ofNanos(250_000)));
    assertEquals("0s", DurationText.format(Duration.ZERO));
  }

  @ParameterizedTest(name = "#{index} {0}")
  @CsvSource({
    "7",
    "1500",
    "250000",
    "63720000",
    "90000000000",
    "3600000000000",
    "9223372036854775807"
  })
  void formatReadsBackToTheSameValue(long nanos) {
    Duration d = Duration.ofNanos(nanos);
    assertEquals(d, DurationText.parse(DurationText.format(d)));
  }
}
