package dev.embedbench.reports.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Human-readable figures, the same in HTML, Markdown and chart labels. Three significant digits at
 * most below 1000 and whole numbers with thousands separators above, so a reader can compare them
 * at a glance; CSV files carry the full precision instead.
 */
public final class Figures {

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private Figures() {}

  /** A plain quantity: {@code 1,234}, {@code 65.2}, {@code 3.14}, {@code 0.000180}. */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return new DecimalFormat("#,##0", SYMBOLS).format(value);
    }
    if (magnitude == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
    String text = rounded.toPlainString();
    // Trailing zeros after the point carry no information at three significant digits.
    return text.contains(".") && !text.contains("E") ? stripZeros(text) : text;
  }

  public static String millis(double value) {
    return number(value) + " ms";
  }

  public static String usd(double value) {
    return value < 0 ? "-$" + number(-value) : "$" + number(value);
  }

  /** A fraction as a percentage with one decimal: 0.45 becomes {@code 45.0%}. */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return "n/a";
    }
    if (Double.isInfinite(fraction)) {
      return (fraction > 0 ? "" : "-") + "∞%";
    }
    // Round the decimal the reader sees (0.5725 is 57.25%, shown 57.3%), not its binary
    // approximation.
    return BigDecimal.valueOf(fraction)
            .movePointRight(2)
            .setScale(1, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }

  /**
   * Reads back what {@link #number}, {@link #usd} or {@link #percent} wrote (percent gives the
   * percentage).
   */
  public static double parse(String text) {
    String cleaned =
        text.strip().replace("$", "").replace(",", "").replace("%", "").replace(" ms", "");
    return Double.parseDouble(cleaned);
  }

  private static String stripZeros(String text) {
    String stripped = text.replaceAll("0+$", "");
    return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
