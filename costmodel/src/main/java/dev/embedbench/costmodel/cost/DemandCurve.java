package dev.embedbench.costmodel.cost;

import java.util.List;

/**
 * The whole-instance fleet across demand: the scenario's demand × 10^(k/10) for k = −20..20 (1/100
 * to 100×), and every demand in that span where rounding to whole instances changes the sign of a
 * saving.
 */
public record DemandCurve(List<DemandPoint> points, List<BreakEven> breakEvens) {

  /** The curve spans 10^(±DECADES) times the scenario's demand. */
  public static final int DECADES = 2;

  /** Curve points per decade. */
  public static final int STEPS_PER_DECADE = 10;

  public DemandCurve {
    points = List.copyOf(points);
    breakEvens = List.copyOf(breakEvens);
  }
}
