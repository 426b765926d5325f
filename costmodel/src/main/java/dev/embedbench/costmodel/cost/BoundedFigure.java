package dev.embedbench.costmodel.cost;

import java.util.Objects;

/**
 * A figure computed from capacities: its value, the range the repeated measurements give, and
 * whether it is a bound.
 *
 * @param value from the median capacities (0, and meaningless, when {@code kind} is {@link
 *     BoundKind#UNKNOWN})
 * @param low the lowest value the measured ranges allow
 * @param high the highest
 * @param kind exact, a bound, or unknown
 * @param reason why it is a bound or unknown, in words; empty when exact
 */
public record BoundedFigure(double value, double low, double high, BoundKind kind, String reason) {

  public BoundedFigure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    if (kind != BoundKind.UNKNOWN && !(low <= value && value <= high)) {
      throw new IllegalArgumentException(
          "value " + value + " must lie in [" + low + ", " + high + "]");
    }
  }

  public static BoundedFigure unknown(String reason) {
    return new BoundedFigure(0, 0, 0, BoundKind.UNKNOWN, reason);
  }

  public boolean hasRange() {
    return kind != BoundKind.UNKNOWN && high > low;
  }

  public boolean plain() {
    return kind == BoundKind.EXACT;
  }
}
