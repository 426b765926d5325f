package dev.embedbench.loadgen;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 500ms}, {@code 12s}, {@code 5m}, {@code 1h}. */
public final class DurationText {

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h)");

  private DurationText() {}

  public static Duration parse(String text) {
    Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "duration must be a number with a unit (us, ms, s, m, h), such as 500ms or 30s; got '" + text + "'");
    }
    double amount = Double.parseDouble(matcher.group(1));
    double nanosPerUnit = switch (matcher.group(2)) {
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
    return Duration.ofNanos(Math.round(amount * nanosPerUnit));
  }

  /** The shortest exact rendering, for results and logs: {@code 1500ms}, {@code 30s}, {@code 5m}. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos % 3_600_000_000_000L == 0 && nanos != 0) {
      return nanos / 3_600_000_000_000L + "h";
    }
    if (nanos % 60_000_000_000L == 0 && nanos != 0) {
      return nanos / 60_000_000_000L + "m";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return nanos / 1_000L + "us";
  }
}
