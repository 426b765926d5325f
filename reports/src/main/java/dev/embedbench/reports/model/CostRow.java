package dev.embedbench.reports.model;

import java.util.Optional;

/**
 * The cost of serving the demand with one model.
 *
 * @param provenanceLabel where the capacity came from, e.g. {@code "measured: emulated · GPU · A10G profile"} or
 *     {@code "stated in article"}
 * @param savingsFraction savings against the baseline model (0.45 = 45% cheaper); empty for the baseline itself
 * @param usdPerQualityPoint dollars per year per quality point
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
    Optional<Double> usdPerQualityPoint) {

  public CostRow {
    requireText("modelName", modelName);
    requireText("provenanceLabel", provenanceLabel);
    requireText("gpuName", gpuName);
    requirePositive("capacityRequestsPerSecond", capacityRequestsPerSecond);
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be >= 1; got " + instances + " for " + modelName);
    }
    requireNonNegative("usdPerHour", usdPerHour);
    requireNonNegative("usdPerMillionRequests", usdPerMillionRequests);
    requireNonNegative("usdPerYear", usdPerYear);
    savingsFraction = Optional.ofNullable(savingsFraction).flatMap(v -> v);
    qualityScore = Optional.ofNullable(qualityScore).flatMap(v -> v);
    usdPerQualityPoint = Optional.ofNullable(usdPerQualityPoint).flatMap(v -> v);
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
