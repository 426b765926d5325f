package dev.embedbench.costmodel.render;

import java.util.Locale;

/** Number formats of the console tables: grouped thousands, four significant digits below that. */
public final class Figures {

  private Figures() {}

  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a == 0) {
      return "0";
    }
    int decimals = Math.min(9, Math.max(0, 3 - (int) Math.floor(Math.log10(a))));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  public static String num(Double v) {
    return v == null ? "-" : num(v.doubleValue());
  }

  public static String usd(double v) {
    return Math.abs(v) >= 100 ? "$" + String.format(Locale.ROOT, "%,.0f", v) : "$" + num(v);
  }

  public static String usd(Double v) {
    return v == null ? "-" : usd(v.doubleValue());
  }

  public static String signedPct(Double v) {
    if (v == null) {
      return "-";
    }
    String text = String.format(Locale.ROOT, "%.1f%%", v);
    return text.equals("0.0%") || text.equals("-0.0%") ? "0.0%" : (v > 0 ? "+" : "") + text;
  }

  public static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }
}
