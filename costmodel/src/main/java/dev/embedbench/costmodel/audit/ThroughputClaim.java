package dev.embedbench.costmodel.audit;

import java.util.Objects;

/**
 * A claimed throughput of one model on one GPU.
 *
 * @param modelId the catalog model
 * @param gpuId the catalog GPU
 * @param inputsPerSec texts (sentences) per second
 * @param tokensPerInput mean tokens per text
 * @param p99Millis the p99 latency claimed alongside
 */
public record ThroughputClaim(
    String modelId, String gpuId, double inputsPerSec, int tokensPerInput, double p99Millis) {

  public ThroughputClaim {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(gpuId, "gpuId");
    ClaimedModel.requirePositive("inputsPerSec", inputsPerSec);
    ClaimedModel.requirePositive("p99Millis", p99Millis);
    if (tokensPerInput < 1) {
      throw new IllegalArgumentException("tokensPerInput must be >= 1, was " + tokensPerInput);
    }
  }
}
