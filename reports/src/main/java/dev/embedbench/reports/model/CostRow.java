package dev.embedbench.reports.model;

import java.util.Optional;

/**
 * The cost of serving the demand with one deployment (a model on a GPU).
 *
 * @param modelName the model's name, as the runs name it (with the GPU when one model is priced on
 *     several)
 * @param provenanceLabel where the capacity came from, e.g. {@code "measured: emulated · GPU · A10G
 *     profile"} or {@code "stated"}
 * @param instances replicas (GPUs) at peak
 * @param savingsFraction savings against the baseline (0.45 = 45% cheaper); empty for the baseline
 *     itself
 * @param usdPerMillionRequestsPerQualityPoint dollars per million requests divided by the quality
 *     score
 * @param rooflineUsdPerMillionTokens the floor: dollars per million tokens if the GPU ran at its
 *     peak FLOP/s
 */
public record CostRow(
    String modelName,
    String provenanceLabel,
    String gpuName,
    double capacityRequestsPerSecond,
    int instances,
    double usdPerHour,
    double usdPerMillionRequests,
    double usdPerYear,
    Optional<Double> savingsFraction,
    Optional<Double> qualityScore,
    Optional<Double> usdPerMillionRequestsPerQualityPoint,
    Optional<Double> usdPerMillionTokens,
    Optional<Double> rooflineUsdPerMillionTokens) {

  public CostRow {
    requireText("modelName", modelName);
    requireText("provenanceLabel", provenanceLabel);
    requireText("gpuName", gpuName);
    requirePositive("capacityRequestsPerSecond", capacityRequestsPerSecond);
    if (instances < 1) {
      throw new IllegalArgumentException(
          "instances must be >= 1; got " + instances + " for " + modelName);
    }
    requireNonNegative("usdPerHour", usdPerHour);
    requireNonNegative("usdPerMillionRequests", usdPerMillionRequests);
    requireNonNegative("usdPerYear", usdPerYear);
    savingsFraction = orEmpty(savingsFraction);
    qualityScore = orEmpty(qualityScore);
    usdPerMillionRequestsPerQualityPoint = orEmpty(usdPerMillionRequestsPerQualityPoint);
    usdPerMillionTokens = orEmpty(usdPerMillionTokens);
    rooflineUsdPerMillionTokens = orEmpty(rooflineUsdPerMillionTokens);
  }

  private static Optional<Double> orEmpty(Optional<Double> value) {
    return value == null ? Optional.empty() : value;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0; got " + value);
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0; got " + value);
    }
  }
}
