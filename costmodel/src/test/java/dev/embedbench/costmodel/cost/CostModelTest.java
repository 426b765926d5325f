package dev.embedbench.costmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostModelTest {

  static final String SCENARIO = """
      name: test
      description: hand-computed cases
      source: hand-written
      asOf: "2026-11"
      demand:
        requestsPerDay: 8640000
        peakToAverage: 2
        inputsPerRequest: 2
        tokensPerInput: 100
        source: test
        asOf: "2026-11"
      policy:
        targetUtilisation: 0.8
        minReplicas: 2
        slo: {p99Millis: 100, maxErrorRate: 0.001}
      qualityBenchmark: mmteb
      baseline: big
      deployments:
        - id: big
          model: qwen3-embedding-8b
          gpu: H100
          capacity: {statedRequestsPerSec: 30, source: test}
        - id: small
          model: qwen3-embedding-0.6b
          gpu: L4
          capacity: {statedRequestsPerSec: 80, source: test}
      """;

  static final double H100_USD_PER_GPU_HOUR = 98.32 / 8; // p5.48xlarge carries 8 GPUs
  static final double L4_USD_PER_GPU_HOUR = 0.8048; // g6.xlarge

  @TempDir
  Path dir;

  CostReport evaluate(String yaml) throws IOException {
    return CostModel.evaluate(ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), yaml)));
  }

  @Test
  void replicasAreCeilOfPeakOverPlannedCapacityAtLeastTheMinimum() {
    assertEquals(9, CostModel.replicas(200, 24, 2)); // 200/24 = 8.33 -> 9
    assertEquals(2, CostModel.replicas(1, 24, 2)); // 0.04 -> 1, but at least 2
    assertEquals(3, CostModel.replicas(3 * 0.1 / 0.1, 1, 1)); // float noise at exactly 3 stays 3
  }

  @Test
  void fixedFleetDollarsByHand() throws IOException {
    CostReport r = evaluate(SCENARIO);
    assertEquals(100.0, r.averageRequestsPerSec(), 1e-9); // 8,640,000 / 86,400
    assertEquals(200.0, r.peakRequestsPerSec(), 1e-9); // x 2
    assertEquals(1.728e9, r.tokensPerDay(), 1e-3); // 8,640,000 x 2 inputs x 100 tokens

    DeploymentCost big = r.deployment("big");
    assertEquals(24.0, big.plannedRequestsPerSecPerReplica(), 1e-9); // 30 x 0.8
    assertEquals(9, big.replicasAtPeak()); // ceil(200 / 24)
    assertEquals(216.0, big.gpuHoursPerDay(), 1e-9); // 9 x 24 h
    double bigPerDay = 216 * H100_USD_PER_GPU_HOUR; // $2,654.64
    assertEquals(bigPerDay / 24, big.usdPerHour(), 1e-9);
    assertEquals(bigPerDay * 365, big.usdPerYear(), 1e-6); // $968,943.60
    assertEquals(bigPerDay / 8.64, big.usdPerMillionRequests(), 1e-9); // 8.64 M requests/day
    assertEquals(bigPerDay / 1728, big.usdPerMillionTokens(), 1e-9); // 1,728 M tokens/day
    assertEquals(0.0, big.savingsVsBaselinePercent(), 1e-12);

    DeploymentCost small = r.deployment("small");
    assertEquals(4, small.replicasAtPeak()); // ceil(200 / 64) = ceil(3.125)
    double smallPerDay = 96 * L4_USD_PER_GPU_HOUR; // 4 x 24 GPU-hours = $77.2608
    assertEquals(smallPerDay * 365, small.usdPerYear(), 1e-6);
    assertEquals((1 - smallPerDay / bigPerDay) * 100, small.savingsVsBaselinePercent(), 1e-9);
    assertEquals(List.of("small", "big"), r.cheapestFirst());
  }

  @Test
  void qualityPerPointAndMarginalCostByHand() throws IOException {
    CostReport r = evaluate(SCENARIO);
    DeploymentCost big = r.deployment("big");
    DeploymentCost small = r.deployment("small");
    assertEquals(70.58, big.qualityScore()); // MMTEB, model card
    assertEquals(big.usdPerMillionRequests() / 70.58, big.usdPerMillionRequestsPerQualityPoint(), 1e-12);
    assertNull(big.marginalUsdPerYearPerQualityPoint()); // no difference to itself
    // (small yearly - big yearly) / (64.33 - 70.58): dollars saved per point given up
    assertEquals((small.usdPerYear() - big.usdPerYear()) / (64.33 - 70.58),
        small.marginalUsdPerYearPerQualityPoint(), 1e-6);
  }

  @Test
  void rooflineFloorByHand() throws IOException {
    DeploymentCost small = evaluate(SCENARIO).deployment("small");
    // 0.6B at 100 tokens: 2 x 28 x 15,728,640 + 4 x 28 x 16 x 128 x (101/2) = 892,387,328 FLOP/token
    double flopsPerToken = 880_803_840.0 + 11_583_488.0;
    assertEquals(flopsPerToken, small.flopsPerToken(), 1e-3);
    // L4: 121 TFLOP/s dense. A million tokens take 1e6 x FLOP/token / 121e12 s of GPU time.
    double seconds = 1e6 * flopsPerToken / 121e12;
    assertEquals(L4_USD_PER_GPU_HOUR / 3600 * seconds, small.rooflineUsdPerMillionTokens(), 1e-15);
    assertEquals(1728 * 365 * small.rooflineUsdPerMillionTokens(), small.rooflineUsdPerYear(), 1e-9);
    assertEquals(small.usdPerYear() / small.rooflineUsdPerYear(), small.costOverRooflineFactor(), 1e-9);
    // 80 requests/s x 200 tokens x FLOP/token / 121e12 FLOP/s
    assertEquals(80 * 200 * flopsPerToken / 121e12 * 100, small.impliedMfuAtCapacityPercent(), 1e-9);
    assertTrue(small.fitsInGpuMemory());
  }

  @Test
  void minimumReplicasHoldAtLowVolume() throws IOException {
    CostReport r = evaluate(SCENARIO.replace("requestsPerDay: 8640000", "requestsPerDay: 86400"));
    assertEquals(2, r.deployment("big").replicasAtPeak()); // peak 2/s needs 1, the minimum is 2
    assertEquals(48.0, r.deployment("big").gpuHoursPerDay(), 1e-9);
  }

  @Test
  void hourlyScalingFollowsTheProfile() throws IOException {
    // 12 quiet hours of weight 1 and 12 busy hours of weight 3: shares 1/48 and 3/48 of the day,
    // i.e. 8,640,000 / 48 / 3600 = 50 requests/s and 150 requests/s; peak/mean = 3/48 x 24 = 1.5
    String profile = "hourlyProfile: [1,1,1,1,1,1,1,1,1,1,1,1,3,3,3,3,3,3,3,3,3,3,3,3]";
    CostReport r = evaluate(SCENARIO.replace("peakToAverage: 2", profile)
        .replace("minReplicas: 2", "minReplicas: 2\n  scaling: hourly"));
    assertEquals(1.5, r.peakToAverage(), 1e-12);
    assertEquals(150.0, r.peakRequestsPerSec(), 1e-9);
    DeploymentCost small = r.deployment("small"); // planned 64/s per replica
    assertEquals(3, small.replicasAtPeak()); // ceil(150/64)
    assertEquals(12 * 2 + 12 * 3, small.gpuHoursPerDay(), 1e-9); // quiet: max(2, ceil(50/64)=1)
    DeploymentCost big = r.deployment("big"); // planned 24/s: quiet ceil(50/24)=3, busy ceil(150/24)=7
    assertEquals(12 * 3 + 12 * 7, big.gpuHoursPerDay(), 1e-9);
  }

  @Test
  void sensitivityFlagsRankingChangesAndLargeSavingShifts() throws IOException {
    // two identical deployments: any price move of one decides the ranking and moves its saving
    String twins = SCENARIO.replace("id: small\n    model: qwen3-embedding-0.6b\n    gpu: L4",
        "id: twin\n    model: qwen3-embedding-8b\n    gpu: H100").replace("statedRequestsPerSec: 80",
        "statedRequestsPerSec: 30");
    CostReport r = evaluate(twins);
    assertEquals(0.0, r.deployment("twin").savingsVsBaselinePercent(), 1e-12);
    // 2 multipliers x (2 price + 2 capacity + volume + peak factor)
    assertEquals(12, r.sensitivity().size());
    SensitivityCase cheaperTwin = find(r, "price", "twin", 0.5);
    assertEquals(List.of("twin", "big"), cheaperTwin.cheapestFirst());
    assertTrue(cheaperTwin.rankingChanged());
    assertEquals(50.0, cheaperTwin.maxSavingsShiftPoints(), 1e-9);
    assertTrue(cheaperTwin.flagged());
    SensitivityCase dearerTwin = find(r, "price", "twin", 1.5);
    assertFalse(dearerTwin.rankingChanged()); // "big" stays first (tie broken by id before)
    assertEquals(-50.0, dearerTwin.savingsPercentById().get("twin"), 1e-9);
    assertTrue(dearerTwin.flagged());
    SensitivityCase volume = find(r, "volume", "all", 1.5);
    assertFalse(volume.rankingChanged());
    assertEquals(0.0, volume.maxSavingsShiftPoints(), 1e-9);
    assertFalse(volume.flagged());
  }

  @Test
  void weightsComeFromComputedParameters() throws IOException {
    DeploymentCost big = evaluate(SCENARIO).deployment("big");
    // 8B: 36 x 192,946,432 + 4,096 + 151,665 x 4,096 = 7,567,295,488 parameters x 2 bytes (BF16)
    assertEquals(7_567_295_488L * 2 / 1e9, big.weightsGb(), 1e-9);
    assertTrue(big.fitsInGpuMemory());
  }

  @Test
  void warnsWhenWeightsDoNotFitTheGpu() throws IOException {
    Files.writeString(dir.resolve("gpus.yaml"), """
        gpus:
          - id: small-card
            name: an 8 GB card
            memoryGb: 8
            denseFp16TflopsPerSec: 50
            specSource: {source: test, asOf: "2026"}
            prices:
              - {cloud: test, instanceType: t, instancePricePerHourUsd: 1, source: test, asOf: "2026"}
        """);
    String models = Path.of("../configs/catalog/models.yaml").toAbsolutePath().toString();
    CostReport r = evaluate(SCENARIO.replace("asOf: \"2026-11\"\ndemand:",
        "asOf: \"2026-11\"\ncatalogs: {gpus: gpus.yaml, models: " + models + "}\ndemand:")
        .replace("gpu: H100", "gpu: small-card").replace("gpu: L4", "gpu: small-card"));
    assertFalse(r.deployment("big").fitsInGpuMemory());
    assertTrue(r.deployment("small").fitsInGpuMemory());
    assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("big: Qwen3-Embedding-8B weights (15.1 GB)")),
        r.warnings().toString());
  }

  private static SensitivityCase find(CostReport r, String factor, String target, double m) {
    return r.sensitivity().stream().filter(c -> c.factor().equals(factor)
        && c.target().equals(target) && c.multiplier() == m).findFirst().orElseThrow();
  }
}
