package dev.embedbench.reports.model;

import java.util.Locale;

/**
 * Where the model's arithmetic ran (or, for an emulated profile, which device the profile stands
 * for).
 */
public enum Device {
  CPU("CPU"),
  GPU("GPU"),
  UNKNOWN("device unknown");

  private final String label;

  Device(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Device parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "cpu":
        return CPU;
      case "gpu":
        return GPU;
      case "unknown":
        return UNKNOWN;
      default:
        throw new IllegalArgumentException(
            "device must be one of cpu, gpu, unknown; got '" + text + "'");
    }
  }
}
