package dev.embedbench.costmodel.audit;

import java.util.Objects;

/**
 * One row of a claimed comparison table, as the article prints it.
 *
 * @param modelId the catalog model the row is about
 * @param parametersBillions the parameter count claimed, in billions
 * @param gpuMemoryGb the GPU memory claimed, in GB
 * @param meanLatencyMillis the mean latency claimed, in milliseconds
 * @param costPerRequestUsd the cost per request claimed
 * @param qualityScore the quality score claimed
 * @param qualityAsClaimed which benchmark the article says the score is on
 * @param annualCostUsd the annual cost claimed, or null when the article gives none
 */
public record ClaimedModel(
    String modelId,
    double parametersBillions,
    double gpuMemoryGb,
    double meanLatencyMillis,
    double costPerRequestUsd,
    double qualityScore,
    String qualityAsClaimed,
    Double annualCostUsd) {

  public ClaimedModel {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(qualityAsClaimed, "qualityAsClaimed");
    requirePositive("parametersBillions", parametersBillions);
    requirePositive("gpuMemoryGb", gpuMemoryGb);
    requirePositive("meanLatencyMillis", meanLatencyMillis);
    requirePositive("costPerRequestUsd", costPerRequestUsd);
    requirePositive("qualityScore", qualityScore);
    if (annualCostUsd != null) {
      requirePositive("annualCostUsd", annualCostUsd);
    }
  }

  static void requirePositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
