package dev.embedbench.loadgen;

import java.time.Duration;

/**
 * Durations as results and logs write them: {@code 500ms}, {@code 12s}, {@code 5m}, {@code 1h}.
 * Parsing command-line text is the caller's (the CLI's, with the project's one duration grammar):
 * this module depends on none of the others.
 */
public final class DurationText {

  private DurationText() {}

  /**
   * The shortest exact rendering, for results and logs: {@code 1500ms}, {@code 30s}, {@code 5m}.
   */
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
