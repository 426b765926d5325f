package dev.embedbench.backends.emulated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as a number and a unit: {@code 65ms}, {@code 40us}, {@code 1.5s}, {@code 0}. */
final class DurationText {

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m)");

  private DurationText() {}

  /** @throws IllegalArgumentException saying the accepted form */
  static Duration parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORMAT.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must be a duration such as 65ms, 40us, 1.5s or 2m, was '" + text + "'");
    }
    long nanosPerUnit = switch (m.group(2)) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      default -> 60_000_000_000L;
    };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
    return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
  }
}
