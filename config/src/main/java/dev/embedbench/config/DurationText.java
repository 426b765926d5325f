package dev.embedbench.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration grammar of every embedbench configuration: an unsigned decimal number and a unit,
 * {@code ns}, {@code us} (or {@code µs}, with the micro sign or the Greek mu), {@code ms}, {@code
 * s}, {@code m} or {@code h}, optionally separated by spaces: {@code 250us}, {@code 63.72ms},
 * {@code 1.5s}, {@code 2 m}, {@code 1h}. A bare {@code 0} is zero; any other number needs a unit,
 * because a unit guessed is a bug found late.
 *
 * <p>The value is exact: a number is multiplied out in decimal, never in floating point. A value
 * that a {@link Duration} counted in nanoseconds cannot hold is refused rather than changed:
 *
 * <ul>
 *   <li>a sign: durations here are lengths of time and never negative;
 *   <li>a fraction of a nanosecond ({@code 1.5ns}, {@code 0.0000001ms}): rounding would silently
 *       alter a configured figure, so the message names the two nearest whole nanoseconds instead;
 *   <li>more than {@link Long#MAX_VALUE} nanoseconds (about 292 years), since callers use {@link
 *       Duration#toNanos()}, which would overflow.
 * </ul>
 *
 * Every failure is an {@link IllegalArgumentException} whose message is the reason alone, written
 * to follow a key ("{@code timeout: must be ...}"); {@link ConfigNode} adds the file and the key.
 *
 * <p>{@link #format} writes a duration back in the same grammar, for results and logs.
 */
public final class DurationText {

  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|\u03bcs|ms|s|m|h)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final String UNITS = "ns, us (or µs), ms, s, m or h";
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final long MAX_HOURS = Long.MAX_VALUE / 3_600_000_000_000L;

  private DurationText() {}

  /**
   * @param text such as {@code 500ms}; surrounding spaces are ignored
   * @throws IllegalArgumentException saying the rule broken and the accepted form
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    if (trimmed.startsWith("-")) {
      throw new IllegalArgumentException("must not be negative, was '" + text + "'");
    }
    Matcher m = FORM.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException(notTheForm(trimmed, text));
    }
    BigDecimal nanos =
        new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit(m.group(2))));
    if (nanos.compareTo(MAX_NANOS) > 0) {
      throw new IllegalArgumentException(
          "must be at most "
              + MAX_HOURS
              + "h (about 292 years: durations"
              + " are counted in 64-bit nanoseconds), was '"
              + text
              + "'");
    }
    if (nanos.remainder(BigDecimal.ONE).signum() != 0) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is "
              + nanos.stripTrailingZeros().toPlainString()
              + "ns, finer than the one-nanosecond resolution of a duration; write "
              + nanos.setScale(0, RoundingMode.FLOOR)
              + "ns or "
              + nanos.setScale(0, RoundingMode.CEILING)
              + "ns");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /**
   * The shortest exact rendering in the largest unit that divides the value: {@code 1500ms}, {@code
   * 30s}, {@code 5m}, {@code 250us}, {@code 7ns}; {@link #parse} reads it back to the same value.
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    for (String unit : List.of("h", "m", "s", "ms", "us")) {
      long per = nanosPerUnit(unit);
      if (nanos % per == 0) {
        return nanos / per + unit;
      }
    }
    return nanos + "ns";
  }

  private static String notTheForm(String trimmed, String text) {
    if (NUMBER.matcher(trimmed).matches()) {
      return "must be a duration with a unit ("
          + UNITS
          + "), such as "
          + trimmed
          + "ms or "
          + trimmed
          + "s; only 0 may go without one; was '"
          + text
          + "'";
    }
    if (FORM.matcher(trimmed.toLowerCase(Locale.ROOT)).matches()) {
      return "must be a duration with its unit in lower case ("
          + UNITS
          + "), such as 500ms; was '"
          + text
          + "'";
    }
    return "must be a duration: an unsigned number and a unit ("
        + UNITS
        + "), such as 500ms, 1.5s"
        + " or 40us; was '"
        + text
        + "'";
  }

  private static long nanosPerUnit(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
  }
}
