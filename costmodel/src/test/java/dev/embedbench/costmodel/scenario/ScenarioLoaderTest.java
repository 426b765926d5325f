package dev.embedbench.costmodel.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

  @TempDir Path dir;

  static final String SCENARIO =
      """
      name: test
      description: a test scenario
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
          model: Qwen/Qwen3-Embedding-0.6B
          gpu: L4
          capacity: {statedLatencyMillis: 50, concurrency: 4, source: test}
      """;

  Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("scenario.yaml"), yaml);
  }

  ConfigException error(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThrows(ConfigException.class, () -> ScenarioLoader.load(file));
  }

  @Test
  void loadsDemandPolicyAndCapacities() throws IOException {
    Scenario s = ScenarioLoader.load(write(SCENARIO));
    assertEquals(100.0, s.demand().averageRequestsPerSec(), 1e-9); // 8,640,000 / 86,400
    assertEquals(200.0, s.demand().peakRequestsPerSec(), 1e-9);
    assertEquals(30.0, s.deployment("big").orElseThrow().capacity().requestsPerSecPerReplica());
    // Little's law: 4 in flight / 0.050 s = 80 requests/s
    Capacity small = s.deployment("small").orElseThrow().capacity();
    assertEquals(80.0, small.requestsPerSecPerReplica(), 1e-9);
    assertEquals(CapacityKind.STATED_LATENCY, small.kind());
    assertEquals("stated", small.provenance());
    assertEquals("qwen3-embedding-0.6b", s.deployment("small").orElseThrow().model().id());
  }

  @Test
  void unknownGpuNamesFileKeyAndTheKnownGpus() throws IOException {
    ConfigException e = error(SCENARIO.replace("gpu: L4", "gpu: V100"));
    assertTrue(e.file().endsWith("scenario.yaml"));
    assertEquals("deployments[1].gpu", e.key());
    assertTrue(e.reason().startsWith("unknown GPU 'V100'; the catalog has [T4, L4"), e.reason());
  }

  @Test
  void unknownModelIsRejected() throws IOException {
    ConfigException e = error(SCENARIO.replace("model: qwen3-embedding-8b", "model: e5-large"));
    assertEquals("deployments[0].model", e.key());
  }

  @Test
  void zeroCapacityIsRejected() throws IOException {
    ConfigException e =
        error(SCENARIO.replace("statedRequestsPerSec: 30", "statedRequestsPerSec: 0"));
    assertEquals("deployments[0].capacity.statedRequestsPerSec", e.key());
    assertEquals("must be > 0, was 0.0", e.reason());
  }

  @Test
  void capacityMustBeGivenExactlyOneWay() throws IOException {
    ConfigException e =
        error(
            SCENARIO.replace(
                "statedRequestsPerSec: 30,", "statedRequestsPerSec: 30, statedInputsPerSec: 60,"));
    assertEquals("deployments[0].capacity", e.key());
    assertTrue(e.reason().startsWith("give exactly one of"), e.reason());
  }

  @Test
  void tokenLengthAndRescalingAreReadAndValidated() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            write(
                SCENARIO
                    .replace(
                        "statedRequestsPerSec: 30,",
                        "statedRequestsPerSec: 30, tokensPerInput: 128,")
                    .replace(
                        "targetUtilisation: 0.8",
                        "targetUtilisation: 0.8\n  tokenRescale: linear")));
    assertEquals(128.0, s.deployment("big").orElseThrow().capacity().tokensPerInput());
    assertEquals(null, s.deployment("small").orElseThrow().capacity().tokensPerInput());
    assertEquals(TokenRescale.LINEAR, s.policy().tokenRescale());
    ConfigException e =
        error(
            SCENARIO.replace(
                "targetUtilisation: 0.8", "targetUtilisation: 0.8\n  tokenRescale: cubic"));
    assertEquals("policy.tokenRescale", e.key());
    assertEquals("must be one of [none, linear], not 'cubic'", e.reason());
    e =
        error(
            SCENARIO.replace(
                "statedRequestsPerSec: 30,", "statedRequestsPerSec: 30, tokensPerInput: 0,"));
    assertEquals("deployments[0].capacity.tokensPerInput", e.key());
  }

  @Test
  void utilisationAboveOneIsRejected() throws IOException {
    ConfigException e = error(SCENARIO.replace("targetUtilisation: 0.8", "targetUtilisation: 80"));
    assertEquals("policy.targetUtilisation", e.key());
  }

  @Test
  void peakFactorBelowOneIsRejected() throws IOException {
    ConfigException e = error(SCENARIO.replace("peakToAverage: 2", "peakToAverage: 0.5"));
    assertEquals("demand.peakToAverage", e.key());
  }

  @Test
  void hourlyProfileMustHave24Hours() throws IOException {
    ConfigException e = error(SCENARIO.replace("peakToAverage: 2", "hourlyProfile: [1, 2, 3]"));
    assertEquals("demand.hourlyProfile", e.key());
    assertTrue(e.reason().contains("24 values"), e.reason());
  }

  @Test
  void baselineMustBeADeployment() throws IOException {
    ConfigException e = error(SCENARIO.replace("baseline: big", "baseline: huge"));
    assertEquals("baseline", e.key());
  }

  @Test
  void unknownInstanceTypeIsRejected() throws IOException {
    ConfigException e =
        error(SCENARIO.replace("gpu: H100", "gpu: H100\n    instanceType: p9.mega"));
    assertEquals("deployments[0].instanceType", e.key());
    assertTrue(e.reason().contains("p5.48xlarge"), e.reason());
  }

  @Test
  void hourlyScalingNeedsAProfile() throws IOException {
    ConfigException e =
        error(SCENARIO.replace("minReplicas: 2", "minReplicas: 2\n  scaling: hourly"));
    assertTrue(e.reason().contains("hourlyProfile"), e.reason());
  }

  @Test
  void invalidYamlIsReportedAsSuch() throws IOException {
    ConfigException e = error("name: [unclosed");
    assertEquals("(document)", e.key());
  }

  @Test
  void missingFileIsReported() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ScenarioLoader.load(dir.resolve("absent.yaml")));
    assertEquals("does not exist", e.reason());
  }

  @Test
  void productionVariantOfTheArticleScalesHourly() {
    Scenario s = ScenarioLoader.load(Path.of("../configs/scenarios/article-qwen3-production.yaml"));
    assertEquals(Scaling.HOURLY, s.policy().scaling());
    // weights sum to 172 over 24 hours; the busiest hour has 12: 12 / (172 / 24)
    assertEquals(12 / (172 / 24.0), s.demand().peakToAverage(), 1e-12);
    assertEquals(0.7, s.policy().targetUtilisation());
  }

  @Test
  void bundledArticleMatchesTheFileInConfigs() {
    Scenario bundled = ScenarioLoader.loadBundledArticle();
    Scenario onDisk = ScenarioLoader.load(Path.of("../configs/scenarios/article-qwen3.yaml"));
    assertEquals(onDisk.demand(), bundled.demand());
    assertEquals(onDisk.deployments(), bundled.deployments());
    assertEquals(onDisk.claims(), bundled.claims());
    assertFalse(bundled.deployments().stream().anyMatch(d -> d.capacity().kind().measured()));
  }
}
