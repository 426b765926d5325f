package dev.embedbench.costmodel.audit;

import java.util.Locale;

/** The audit's units of time, its ratios, and how its sentences write a number. */
final class AuditNumbers {

  static final double HOURS_PER_YEAR = 8760;
  static final double SECONDS_PER_DAY = 86_400;
  static final double DAYS_PER_YEAR = 365;

  private AuditNumbers() {}

  /** A saving in percent: {@code (1 − candidate / baseline) × 100}. */
  static double saving(double candidate, double baseline) {
    return (1 - candidate / baseline) * 100;
  }

  /** How far a derivation is from the claim, in percent of the claim. */
  static Double pct(double derived, double claimed) {
    return (derived - claimed) / claimed * 100;
  }

  /** Numbers for sentences: up to four significant digits, grouped thousands, no exponent. */
  static String n(double v) {
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a == 0) {
      return "0";
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
