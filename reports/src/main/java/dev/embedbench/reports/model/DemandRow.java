package dev.embedbench.reports.model;

import java.util.Map;

/**
 * The whole-instance fleet at one demand, by model name.
 *
 * @param requestsPerDay the demand
 * @param instances GPUs at peak per model
 * @param usdPerYear yearly cost per model
 * @param savingPercent saving against the baseline per model (the baseline's is 0)
 */
public record DemandRow(
    double requestsPerDay,
    Map<String, Integer> instances,
    Map<String, Double> usdPerYear,
    Map<String, Double> savingPercent) {

  public DemandRow {
    instances = Map.copyOf(instances);
    usdPerYear = Map.copyOf(usdPerYear);
    savingPercent = Map.copyOf(savingPercent);
  }
}
