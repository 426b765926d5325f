package dev.embedbench.costmodel.cost;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison with one input moved.
 *
 * @param factor which input moved: {@code price}, {@code capacity}, {@code volume}, {@code
 *     peakToAverage}, {@code tokensPerInput} or {@code targetUtilisation}
 * @param target the deployment it moved for, or {@code all}
 * @param multiplier what the input was multiplied by
 * @param cheapestFirst deployment ids by yearly cost, cheapest first
 * @param savingsPercentById each deployment's savings against the baseline, in percent
 * @param rankingChanged whether the order differs from the unmoved scenario's
 * @param maxSavingsShiftPoints the largest change of any deployment's savings, in percentage points
 * @param flagged ranking changed, or savings moved by more than {@link
 *     SensitivitySweep#SAVINGS_SHIFT_FLAG_POINTS}
 */
public record SensitivityCase(
    String factor,
    String target,
    double multiplier,
    List<String> cheapestFirst,
    Map<String, Double> savingsPercentById,
    boolean rankingChanged,
    double maxSavingsShiftPoints,
    boolean flagged) {

  public SensitivityCase {
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(target, "target");
    cheapestFirst = List.copyOf(cheapestFirst);
    savingsPercentById = Map.copyOf(savingsPercentById);
  }
}
