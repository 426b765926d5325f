package dev.embedbench.costmodel.scenario;

/** How the fleet follows the day. */
public enum Scaling {
  /** Always-on replicas sized for the busiest hour. */
  FIXED("fixed"),
  /** Replicas resized every hour to that hour's rate (needs an hourly profile). */
  HOURLY("hourly");

  private final String label;

  Scaling(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Scaling fromLabel(String label) {
    for (Scaling s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("must be fixed or hourly, not '" + label + "'");
  }
}
