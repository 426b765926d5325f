package dev.embedbench.reports.model;

import java.util.Comparator;
import java.util.List;

/**
 * The cost/quality Pareto front: the models for which no other model is at least as cheap per
 * million requests and at least as good, and strictly better in one of the two.
 */
public final class ParetoFront {

  private ParetoFront() {}

  /** The rows on the front, cheapest first; rows without a quality score take no part. */
  public static List<CostRow> of(List<CostRow> rows) {
    List<CostRow> scored = rows.stream().filter(row -> row.qualityScore().isPresent()).toList();
    return scored.stream()
        .filter(candidate -> scored.stream().noneMatch(other -> dominates(other, candidate)))
        .sorted(Comparator.comparingDouble(CostRow::usdPerMillionRequests))
        .toList();
  }

  static boolean dominates(CostRow a, CostRow b) {
    double costA = a.usdPerMillionRequests();
    double costB = b.usdPerMillionRequests();
    double qualityA = a.qualityScore().orElseThrow();
    double qualityB = b.qualityScore().orElseThrow();
    return costA <= costB && qualityA >= qualityB && (costA < costB || qualityA > qualityB);
  }
}
