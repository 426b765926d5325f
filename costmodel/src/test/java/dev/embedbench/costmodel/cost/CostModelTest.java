package dev.embedbench.costmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.CapacityKind;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostModelTest {

  static final String SCENARIO =
      """
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

  static final double H100_USD_PER_GPU_HOUR = 55.04 / 8; // p5.48xlarge carries 8 GPUs
  static final double L4_USD_PER_GPU_HOUR = 0.8048; // g6.xlarge

  @TempDir Path dir;

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
    double bigPerDay = 216 * H100_USD_PER_GPU_HOUR; // $1,486.08
    assertEquals(bigPerDay / 24, big.usdPerHour(), 1e-9);
    assertEquals(bigPerDay * 365, big.usdPerYear(), 1e-6); // $542,419.20
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
    assertEquals(
        big.usdPerMillionRequests() / 70.58, big.usdPerMillionRequestsPerQualityPoint(), 1e-12);
    assertNull(big.marginalUsdPerYearPerQualityPoint()); // no difference to itself
    // (small yearly - big yearly) / (64.33 - 70.58): dollars saved per point given up
    assertEquals(
        (small.usdPerYear() - big.usdPerYear()) / (64.33 - 70.58),
        small.marginalUsdPerYearPerQualityPoint(),
        1e-6);
  }

  @Test
  void rooflineFloorByHand() throws IOException {
    DeploymentCost small = evaluate(SCENARIO).deployment("small");
    // 0.6B at 100 tokens: 2 x 28 x 15,728,640 + 4 x 28 x 16 x 128 x (101/2) = 892,387,328
    // FLOP/token
    double flopsPerToken = 880_803_840.0 + 11_583_488.0;
    assertEquals(flopsPerToken, small.flopsPerToken(), 1e-3);
    // L4: 121 TFLOP/s dense. A million tokens take 1e6 x FLOP/token / 121e12 s of GPU time.
    double seconds = 1e6 * flopsPerToken / 121e12;
    assertEquals(L4_USD_PER_GPU_HOUR / 3600 * seconds, small.rooflineUsdPerMillionTokens(), 1e-15);
    assertEquals(
        1728 * 365 * small.rooflineUsdPerMillionTokens(), small.rooflineUsdPerYear(), 1e-9);
    assertEquals(
        small.usdPerYear() / small.rooflineUsdPerYear(), small.costOverRooflineFactor(), 1e-9);
    // 80 requests/s x 200 tokens x FLOP/token / 121e12 FLOP/s
    assertEquals(
        80 * 200 * flopsPerToken / 121e12 * 100, small.impliedMfuAtCapacityPercent(), 1e-9);
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
    CostReport r =
        evaluate(
            SCENARIO
                .replace("peakToAverage: 2", profile)
                .replace("minReplicas: 2", "minReplicas: 2\n  scaling: hourly"));
    assertEquals(1.5, r.peakToAverage(), 1e-12);
    assertEquals(150.0, r.peakRequestsPerSec(), 1e-9);
    DeploymentCost small = r.deployment("small"); // planned 64/s per replica
    assertEquals(3, small.replicasAtPeak()); // ceil(150/64)
    assertEquals(12 * 2 + 12 * 3, small.gpuHoursPerDay(), 1e-9); // quiet: max(2, ceil(50/64)=1)
    DeploymentCost big =
        r.deployment("big"); // planned 24/s: quiet ceil(50/24)=3, busy ceil(150/24)=7
    assertEquals(12 * 3 + 12 * 7, big.gpuHoursPerDay(), 1e-9);
  }

  @Test
  void sensitivityMovesPricesPerGpuTogetherAndTokensAndUtilisation() throws IOException {
    // two identical deployments on one GPU: its price moves both; a capacity move of one decides
    // the ranking
    String twins =
        SCENARIO
            .replace(
                "id: small\n    model: qwen3-embedding-0.6b\n    gpu: L4",
                "id: twin\n    model: qwen3-embedding-8b\n    gpu: H100")
            .replace("statedRequestsPerSec: 80", "statedRequestsPerSec: 30");
    CostReport r = evaluate(twins);
    assertEquals(0.0, r.deployment("twin").savingsVsBaselinePercent(), 1e-12);
    // 2 multipliers x (1 GPU price + 2 capacity + volume + peak factor + tokens + utilisation)
    assertEquals(14, r.sensitivity().size());
    SensitivityCase price = find(r, "price", "p5.48xlarge [big, twin]", 0.5);
    assertFalse(price.rankingChanged());
    assertEquals(0.0, price.maxSavingsShiftPoints(), 1e-12); // both moved: no saving appears
    SensitivityCase slowerTwin = find(r, "capacity", "twin", 0.5);
    // twin: 15/s x 0.8 = 12 planned -> ceil(200/12) = 17 replicas against big's 9
    assertEquals((1 - 17.0 / 9) * 100, slowerTwin.savingsPercentById().get("twin"), 1e-9);
    assertTrue(slowerTwin.flagged());
    SensitivityCase shortInputs =
        find(r, "tokensPerInput", "all (capacities rescaled linearly)", 0.5);
    assertFalse(shortInputs.flagged()); // both rescaled alike: 60/s each at 50 tokens
    SensitivityCase busier =
        find(r, "targetUtilisation", "all (100%)", 1.5); // 0.8 x 1.5 capped at 1
    assertEquals(0.0, busier.maxSavingsShiftPoints(), 1e-12);
    assertTrue(
        r.sensitivity().stream()
            .anyMatch(c -> c.factor().equals("targetUtilisation") && c.multiplier() == 0.5));
  }

  static final String ARTICLE_LIKE =
      """
      name: unit
      description: the issue's hand-checked case
      source: hand-written
      asOf: "2026-12"
      demand:
        requestsPerDay: 5000000
        peakToAverage: 1
        inputsPerRequest: 1
        tokensPerInput: 32
        source: test
        asOf: "2026-12"
      policy:
        targetUtilisation: 1.0
        minReplicas: 1
        slo: {p99Millis: 1500, maxErrorRate: 0.01}
      qualityBenchmark: mmteb
      baseline: big
      deployments:
        - id: big
          model: qwen3-embedding-8b
          gpu: article-0.95
          capacity: {statedRequestsPerSec: 32, tokensPerInput: 32, source: test}
        - id: small
          model: qwen3-embedding-0.6b
          gpu: A10G
          capacity: {statedRequestsPerSec: 486, tokensPerInput: 32, source: test}
      """;

  @Test
  void unitCostAtCapacityByHandWhereWholeInstancesSaySomethingElse() throws IOException {
    CostReport r = evaluate(ARTICLE_LIKE);
    // One price per GPU: the A10G row takes the baseline's $0.95 (article-0.95 has the A10G's
    // specs).
    UnitCost big = r.unitCost("big");
    UnitCost small = r.unitCost("small");
    assertEquals(0.95, small.pricePerGpuHourUsd(), 1e-12);
    assertEquals(0.95, r.deployment("small").pricePerGpuHourUsd(), 1e-12);
    assertEquals(0.95 / (32 * 3600.0) * 1e6, big.usdPerMillionRequests().value(), 1e-9); // $8.247
    assertEquals(
        0.95 / (486 * 3600.0) * 1e6, small.usdPerMillionRequests().value(), 1e-9); // $0.543
    assertEquals(0.95 / (486 * 3600.0) * 1e6 / 32, small.usdPerMillionTokens().value(), 1e-9);
    assertEquals(1 - 32.0 / 486, small.savingVsBaseline().value(), 1e-12); // 93.4%
    assertEquals(BoundKind.EXACT, small.savingVsBaseline().kind());
    // 57.87 requests/s: 2 instances of the 8B against 1 of the 0.6B, so whole instances say 50%
    assertEquals(2, r.deployment("big").replicasAtPeak());
    assertEquals(1, r.deployment("small").replicasAtPeak());
    assertEquals(50.0, r.deployment("small").savingsVsBaselinePercent(), 1e-9);
    // break-even: at or below 32 requests/s (2,764,800/day) both need one instance and the saving
    // is 0
    BreakEven first = r.demandCurve().breakEvens().get(0);
    assertEquals("small", first.deploymentId());
    assertEquals(32 * 86_400, first.requestsPerDay(), 32 * 86_400 * 1e-3);
    assertEquals(0.0, first.savingBelowPercent(), 1e-9);
    assertEquals(50.0, first.savingAbovePercent(), 1e-9);
    // 50M/day = 578.7/s: ceil(18.08) = 19 against ceil(1.19) = 2 instances, 89.5%
    DemandPoint tenfold =
        r.demandCurve().points().stream()
            .filter(p -> Math.abs(p.demandMultiplier() - 10) < 1e-9)
            .findFirst()
            .orElseThrow();
    assertEquals((1 - 2.0 / 19) * 100, tenfold.savingPercentById().get("small"), 1e-9);
    assertEquals(41, r.demandCurve().points().size()); // 1/100 to 100x, ten points a decade
  }

  @Test
  void aLowerBoundCapacityGivesAnUpperBoundCostAndABoundedSaving() throws IOException {
    Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), ARTICLE_LIKE));
    Capacity bound =
        new Capacity(
            486,
            486,
            486,
            1,
            true,
            32.0,
            CapacityKind.MEASURED_SWEEP,
            "emulated",
            "test",
            "sweep.json");
    Scenario candidateBound =
        s.withDeployments(
            s.deployments().stream()
                .map(d -> d.id().equals("small") ? d.withCapacity(bound) : d)
                .toList(),
            "big");
    UnitCost small = CostModel.evaluate(candidateBound).unitCost("small");
    assertEquals(BoundKind.AT_MOST, small.usdPerMillionRequests().kind());
    assertEquals(BoundKind.AT_LEAST, small.savingVsBaseline().kind());
    assertEquals(1 - 32.0 / 486, small.savingVsBaseline().value(), 1e-12);
    // the baseline a lower bound: its unit cost may be lower still, so the saving is unknown
    Scenario baselineBound = candidateBound.withDeployments(candidateBound.deployments(), "small");
    assertEquals(
        BoundKind.UNKNOWN,
        CostModel.evaluate(baselineBound).unitCost("big").savingVsBaseline().kind());
  }

  @Test
  void repeatsGiveTheSavingARange() throws IOException {
    Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), ARTICLE_LIKE));
    Capacity repeated =
        new Capacity(
            486, 450, 500, 3, false, 32.0, CapacityKind.MEASURED_SWEEP, "emulated", "t", "f");
    UnitCost small =
        CostModel.evaluate(
                s.withDeployments(
                    s.deployments().stream()
                        .map(d -> d.id().equals("small") ? d.withCapacity(repeated) : d)
                        .toList(),
                    "big"))
            .unitCost("small");
    assertEquals(1 - 32.0 / 450, small.savingVsBaseline().low(), 1e-12);
    assertEquals(1 - 32.0 / 500, small.savingVsBaseline().high(), 1e-12);
    assertTrue(small.savingVsBaseline().hasRange());
  }

  @Test
  void anotherTokenLengthIsRefusedNamingBothOrRescaledWithALabel() throws IOException {
    String mixed =
        ARTICLE_LIKE.replace(
            "statedRequestsPerSec: 486, tokensPerInput: 32",
            "statedRequestsPerSec: 180, tokensPerInput: 128");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> evaluate(mixed));
    assertTrue(
        e.getMessage().contains("128 tokens per input") && e.getMessage().contains("priced at 32"),
        e.getMessage());
    CostReport r =
        evaluate(mixed.replace("minReplicas: 1", "minReplicas: 1\n  tokenRescale: linear"));
    DeploymentCost small = r.deployment("small");
    assertEquals(180 * 128 / 32.0, small.capacityRequestsPerSecPerReplica(), 1e-9);
    assertTrue(
        small.capacityProvenance().contains("rescaled 128→32 tokens (linear)"),
        small.capacityProvenance());
    // the headline compares per token across lengths and says so
    UnitCost unit = r.unitCost("small");
    assertEquals(128, unit.tokensPerInput(), 1e-12);
    assertEquals("per token, 128 vs 32 tokens: linear", unit.savingBasis());
    assertEquals(1 - (0.95 / 180 / 128) / (0.95 / 32 / 32), unit.savingVsBaseline().value(), 1e-12);
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
    Files.writeString(
        dir.resolve("gpus.yaml"),
        """
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
    CostReport r =
        evaluate(
            SCENARIO
                .replace(
                    "asOf: \"2026-11\"\ndemand:",
                    "asOf: \"2026-11\"\ncatalogs: {gpus: gpus.yaml, models: "
                        + models
                        + "}\ndemand:")
                .replace("gpu: H100", "gpu: small-card")
                .replace("gpu: L4", "gpu: small-card"));
    assertFalse(r.deployment("big").fitsInGpuMemory());
    assertTrue(r.deployment("small").fitsInGpuMemory());
    assertTrue(
        r.warnings().stream()
            .anyMatch(w -> w.startsWith("big: Qwen3-Embedding-8B weights (15.1 GB)")),
        r.warnings().toString());
  }

  private static SensitivityCase find(CostReport r, String factor, String target, double m) {
    return r.sensitivity().stream()
        .filter(c -> c.factor().equals(factor) && c.target().equals(target) && c.multiplier() == m)
        .findFirst()
        .orElseThrow();
  }
}
