package dev.embedbench.costmodel.cost;

import java.util.Map;

/**
 * The whole-instance fleet at one demand.
 *
 * @param demandMultiplier the demand over the scenario's
 * @param requestsPerDay the demand priced
 * @param replicasById GPUs in the busiest hour, per deployment
 * @param usdPerYearById yearly cost per deployment
 * @param savingPercentById saving against the baseline per deployment, in percent
 */
public record DemandPoint(
    double demandMultiplier,
    double requestsPerDay,
    Map<String, Integer> replicasById,
    Map<String, Double> usdPerYearById,
    Map<String, Double> savingPercentById) {

  public DemandPoint {
    replicasById = Map.copyOf(replicasById);
    usdPerYearById = Map.copyOf(usdPerYearById);
    savingPercentById = Map.copyOf(savingPercentById);
  }
}
