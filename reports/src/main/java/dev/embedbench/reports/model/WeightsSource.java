package dev.embedbench.reports.model;

import java.util.Locale;

/**
 * Whether the measured model ran real checkpoint weights or a synthetic random-weight checkpoint.
 */
public enum WeightsSource {
  REAL("real weights"),
  SYNTHETIC("synthetic weights"),
  UNKNOWN("weights unknown");

  private final String label;

  WeightsSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static WeightsSource parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "real":
        return REAL;
      case "synthetic":
        return SYNTHETIC;
      case "unknown":
        return UNKNOWN;
      default:
        throw new IllegalArgumentException(
            "weights must be one of real, synthetic, unknown; got '" + text + "'");
    }
  }
}
