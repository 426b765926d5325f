package dev.embedbench.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as a whole number and a unit: {@code 250us}, {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
public final class DurationText {

  private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(us|ms|s|m|h)");

  private DurationText() {}

  /** @throws IllegalArgumentException saying the accepted form when {@code text} does not match it */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a whole number and a unit: us, ms, s, m or h"
              + " (for example 500ms or 2s)");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "us" -> Duration.ofNanos(amount * 1_000);
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
