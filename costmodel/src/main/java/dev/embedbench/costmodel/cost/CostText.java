package dev.embedbench.costmodel.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the cost model writes a figure into its labels, notes and errors. */
final class CostText {

  private CostText() {}

  /** Four significant digits, no exponent, no trailing zeros. */
  static String fmt(double v) {
    return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  static String usd(double v) {
    return "$" + fmt(v);
  }
}
