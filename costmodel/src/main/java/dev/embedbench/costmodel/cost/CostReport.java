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
 * @param baselineId the deployment savings are measured against
 * @param qualityBenchmark the benchmark of cost per quality point
 * @param deployments one row per deployment, in scenario order
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
    String baselineId,
    String qualityBenchmark,
    List<DeploymentCost> deployments,
    List<String> cheapestFirst,
    List<SensitivityCase> sensitivity,
    List<String> warnings) {

  public CostReport {
    Objects.requireNonNull(scenarioName, "scenarioName");
    deployments = List.copyOf(deployments);
    cheapestFirst = List.copyOf(cheapestFirst);
    sensitivity = List.copyOf(sensitivity);
    warnings = List.copyOf(warnings);
  }

  public DeploymentCost deployment(String id) {
    return deployments.stream().filter(d -> d.deploymentId().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no deployment '" + id + "' in the report"));
  }
}
