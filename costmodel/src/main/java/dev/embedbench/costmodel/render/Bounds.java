package dev.embedbench.costmodel.render;

import dev.embedbench.costmodel.cost.BoundKind;
import dev.embedbench.costmodel.cost.BoundedFigure;
import java.util.Locale;

/**
 * How a figure that may be a bound or a range is written, in every output (console, CSV, report): a
 * bound is never written as a plain figure.
 *
 * <ul>
 *   <li>exact: {@code $0.54}; with a range over repeats: {@code $0.54 ($0.52–$0.57)}
 *   <li>at most: {@code ≤ $0.54}; at least: {@code ≥ 93.4%}; unknown: {@code unknown}
 * </ul>
 */
public final class Bounds {

  private Bounds() {}

  /** Dollars: four significant digits under $100, whole dollars with thousands separators above. */
  public static String usd(BoundedFigure f) {
    return write(f, Figures.usd(f.value()), Figures.usd(f.low()), Figures.usd(f.high()));
  }

  /** A fraction (0.934) as a percentage with one decimal. */
  public static String percent(BoundedFigure f) {
    if (f == null) {
      return "—";
    }
    return write(f, pct(f.value()), pct(f.low()), pct(f.high()));
  }

  /**
   * A capacity in requests/s: {@code ≥ 32} for a lower bound, the range and repeat count when
   * repeated.
   */
  public static String capacity(
      double value, double min, double max, int repeats, boolean lowerBound) {
    String text = (lowerBound ? "≥ " : "") + Figures.num(value);
    if (repeats > 1) {
      text += " (" + Figures.num(min) + "–" + Figures.num(max) + ", median of " + repeats + ")";
    }
    return text;
  }

  private static String write(BoundedFigure f, String value, String low, String high) {
    return switch (f.kind()) {
      case UNKNOWN -> "unknown";
      case AT_MOST -> "≤ " + value;
      case AT_LEAST -> "≥ " + value;
      case EXACT ->
          f.hasRange() && !low.equals(high) ? value + " (" + low + "–" + high + ")" : value;
    };
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** True when the figure may be printed without a bound sign. */
  public static boolean plain(BoundedFigure f) {
    return f != null && f.kind() == BoundKind.EXACT;
  }

  /**
   * A whole-instance fleet's saving in percent: {@code ≥} when the row's capacity is a lower bound
   * (its fleet may be smaller still), {@code unknown} when the baseline's is.
   */
  public static String fleetSaving(double percent, boolean lowerBound, boolean baselineLowerBound) {
    if (baselineLowerBound) {
      return "unknown";
    }
    return (lowerBound ? "≥ " : "") + String.format(Locale.ROOT, "%.1f%%", percent);
  }

  /** A fleet's cost: {@code ≤} when its capacity is a lower bound. */
  public static String fleetUsd(double usd, boolean lowerBound) {
    return (lowerBound ? "≤ " : "") + Figures.usd(usd);
  }

  /** A unit-cost saving, with its basis when it compares different token lengths. */
  public static String saving(BoundedFigure saving, String basis) {
    if (saving == null) {
      return "—";
    }
    boolean acrossLengths = basis.startsWith("per token") && saving.kind() != BoundKind.UNKNOWN;
    return percent(saving) + (acrossLengths ? " (" + basis + ")" : "");
  }
}
