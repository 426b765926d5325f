package dev.embedbench.costmodel.cost;

import java.util.List;
import java.util.Objects;

/**
 * The priced comparison of a scenario.
 *
 * @param scenarioName the scenario's name
 * @param scenarioFile where it was read
 * @param requestsPerDay demand per day
 * @param peakToAverage busiest hour over the mean
 * @param averageRequestsPerSec mean rate over the day
 * @param peakRequestsPerSec rate in the busiest hour
 * @param inputsPerRequest texts per request
 * @param tokensPerInput tokens per text
 * @param tokensPerDay input tokens per day
 * @param targetUtilisation share of capacity planned at peak
 * @param minReplicas the floor of the fleet
 * @param scaling {@code fixed} or {@code hourly}
 * @param slo the SLO capacities must meet
 * @param tokenRescale how capacities at another token length were priced ({@code none}: refused)
 * @param baselineId the deployment savings are measured against
 * @param qualityBenchmark the benchmark of cost per quality point
 * @param unitCosts the headline: unit cost at capacity per deployment, in scenario order
 * @param gpuPrices the one price of each GPU in this scenario, in words
 * @param deployments the whole-instance fleet at the scenario's demand, one row per deployment
 * @param demandCurve the whole-instance fleet from 1/100 to 100× the demand, and its break-even
 *     demands
 * @param cheapestFirst deployment ids by yearly cost
 * @param sensitivity the ±50% cases
 * @param warnings what a reader must know (weights that do not fit, mixed provenance)
 */
public record CostReport(
    String scenarioName,
    String scenarioFile,
    double requestsPerDay,
    double peakToAverage,
    double averageRequestsPerSec,
    double peakRequestsPerSec,
    double inputsPerRequest,
    int tokensPerInput,
    double tokensPerDay,
    double targetUtilisation,
    int minReplicas,
    String scaling,
    String slo,
    String tokenRescale,
    String baselineId,
    String qualityBenchmark,
    List<UnitCost> unitCosts,
    List<String> gpuPrices,
    List<DeploymentCost> deployments,
    DemandCurve demandCurve,
    List<String> cheapestFirst,
    List<SensitivityCase> sensitivity,
    List<String> warnings) {

  public CostReport {
    Objects.requireNonNull(scenarioName, "scenarioName");
    unitCosts = List.copyOf(unitCosts);
    gpuPrices = List.copyOf(gpuPrices);
    deployments = List.copyOf(deployments);
    Objects.requireNonNull(demandCurve, "demandCurve");
    cheapestFirst = List.copyOf(cheapestFirst);
    sensitivity = List.copyOf(sensitivity);
    warnings = List.copyOf(warnings);
  }

  public DeploymentCost deployment(String id) {
    return deployments.stream()
        .filter(d -> d.deploymentId().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no deployment '" + id + "' in the report"));
  }

  public UnitCost unitCost(String id) {
    return unitCosts.stream()
        .filter(d -> d.deploymentId().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no deployment '" + id + "' in the report"));
  }
}
