package dev.embedbench.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

  private static CostRow row(String model, double usdPerMillion, Double quality) {
    return new CostRow(
        model,
        "stated",
        "A10G",
        10,
        1,
        1,
        usdPerMillion,
        1000,
        Optional.empty(),
        Optional.ofNullable(quality),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void keepsOnlyModelsNoOtherIsBothCheaperAndBetter() {
    CostRow cheap = row("cheap", 1, 60.0);
    CostRow dominated = row("dominated", 2, 59.0);
    CostRow best = row("best", 5, 70.0);
    CostRow tieOnCostWorse = row("tie", 5, 69.0);
    CostRow unscored = row("unscored", 0.5, null);
    assertEquals(
        List.of(cheap, best),
        ParetoFront.of(List.of(best, dominated, cheap, tieOnCostWorse, unscored)));
  }

  @Test
  void equalModelsAreBothOnTheFront() {
    CostRow a = row("a", 1, 60.0);
    CostRow b = row("b", 1, 60.0);
    assertEquals(2, ParetoFront.of(List.of(a, b)).size());
  }
}
