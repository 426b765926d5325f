package dev.embedbench.costmodel.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.cost.CostModel;
import dev.embedbench.costmodel.cost.DeploymentCost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredCapacitiesTest {

  @TempDir Path dir;

  Scenario article() {
    return ScenarioLoader.load(Path.of("../configs/scenarios/article-qwen3.yaml"));
  }

  Path sweep(String model, String kind, double bestRate, int inputsPerRequest) throws IOException {
    return Files.writeString(
        dir.resolve("sweep.json"),
        """
        {"target": {"model": "%s", "kind": "%s"}, "slo": {"p99_ms": 80, "max_error_rate": 0.01},
         "steps": [{"rate": %s, "pass": true, "p99_ms": 70, "error_rate": 0,
                    "summary": {"workload": {"inputs_per_request": %d}}}]}
        """
            .formatted(model, kind, bestRate, inputsPerRequest));
  }

  @Test
  void addsAMeasuredDeploymentBesideTheStatedOnes() throws IOException {
    Path file = sweep("Qwen3-Embedding-0.6B", "emulated", 120, 1);
    Scenario s = MeasuredCapacities.apply(article(), file.toString(), "L4");
    Deployment added = s.deployment("qwen3-embedding-0.6b-measured-L4").orElseThrow();
    assertEquals(120.0, added.capacity().requestsPerSecPerReplica());
    assertEquals("measured (emulated)", added.capacity().provenance());
    assertEquals(CapacityKind.MEASURED_SWEEP, added.capacity().kind());
    assertEquals(0.8048, added.price().pricePerGpuHourUsd());
    DeploymentCost row = CostModel.evaluate(s).deployment(added.id());
    // 5M/day = 57.87/s at peak factor 1 and utilisation 1: one replica of 120/s
    assertEquals(1, row.replicasAtPeak());
    assertEquals(24 * 0.8048 * 365, row.usdPerYear(), 1e-9);
  }

  @Test
  void replacesTheCapacityOfANamedDeploymentConvertingInputsPerRequest() throws IOException {
    // measured with 4 inputs per request; the article's demand has 1: 10 req/s x 4 = 40 inputs/s =
    // 40 req/s
    Path file = sweep("whatever", "remote", 10, 4);
    Scenario s = MeasuredCapacities.apply(article(), "qwen3-8b=" + file, null);
    Capacity c = s.deployment("qwen3-8b").orElseThrow().capacity();
    assertEquals(40.0, c.requestsPerSecPerReplica(), 1e-12);
    assertEquals("measured (remote)", c.provenance());
    assertEquals(4, s.deployments().size());
  }

  @Test
  void fileWithoutModelNeedsOneNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("sweep.json"), "{\"best_rate\": 5}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MeasuredCapacities.apply(article(), file.toString(), null));
    assertTrue(e.getMessage().contains("names no model"), e.getMessage());
    Scenario s = MeasuredCapacities.apply(article(), "bge-m3=" + file, null);
    assertEquals(5.0, s.deployment("bge-m3").orElseThrow().capacity().requestsPerSecPerReplica());
  }

  @Test
  void unknownGpuIsRejected() throws IOException {
    Path file = sweep("bge-m3", "emulated", 5, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MeasuredCapacities.apply(article(), file.toString(), "V100"));
    assertTrue(e.getMessage().startsWith("--gpu: unknown GPU 'V100'"), e.getMessage());
  }
}
