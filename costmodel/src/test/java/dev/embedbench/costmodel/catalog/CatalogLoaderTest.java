package dev.embedbench.costmodel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.costmodel.config.ConfigFiles;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

  @TempDir Path dir;

  private static final String T4 =
      """
      gpus:
        - id: T4
          name: NVIDIA T4
          memoryGb: 16
          denseFp16TflopsPerSec: 65
          specSource: {source: datasheet, asOf: "2019"}
          prices:
            - {cloud: AWS, instanceType: g4dn.xlarge, region: us-east-1, instancePricePerHourUsd: %s,
               source: price page, asOf: "2024-06"}
      """;

  private ConfigException gpuError(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("gpus.yaml"), yaml);
    return assertThrows(ConfigException.class, () -> CatalogLoader.gpus(ConfigFiles.read(file)));
  }

  @Test
  void negativePriceNamesFileAndKey() throws IOException {
    ConfigException e = gpuError(T4.formatted("-0.5"));
    assertTrue(e.file().endsWith("gpus.yaml"), e.file());
    assertEquals("gpus[0].prices[0].instancePricePerHourUsd", e.key());
    assertEquals("must be > 0, was -0.5", e.reason());
    assertTrue(
        e.getMessage().startsWith(e.file() + ": gpus[0].prices[0].instancePricePerHourUsd: "));
  }

  @Test
  void priceThatIsNotANumberIsRejected() throws IOException {
    ConfigException e = gpuError(T4.formatted("cheap"));
    assertEquals("gpus[0].prices[0].instancePricePerHourUsd", e.key());
    assertTrue(e.reason().contains("must be a number"), e.reason());
  }

  @Test
  void misspeltKeyIsRejectedRatherThanIgnored() throws IOException {
    ConfigException e = gpuError(T4.formatted("0.526").replace("memoryGb", "memoryGB"));
    assertEquals("gpus[0].memoryGB", e.key());
    assertTrue(e.reason().startsWith("unknown key"), e.reason());
  }

  @Test
  void everyPriceNeedsASourceAndDate() throws IOException {
    ConfigException e = gpuError(T4.formatted("0.526").replace(", asOf: \"2024-06\"", ""));
    assertEquals("gpus[0].prices[0].asOf", e.key());
    assertEquals("is required", e.reason());
  }

  @Test
  void specsOfMustNameAGpuWithSpecs() throws IOException {
    String yaml =
        T4.formatted("0.526")
            + """
          - id: X
            name: priced only
            specsOf: V100
            prices:
              - {cloud: C, instanceType: x, instancePricePerHourUsd: 1, source: s, asOf: "2024"}
        """;
    ConfigException e = gpuError(yaml);
    assertEquals("gpus[1].specsOf", e.key());
  }

  @Test
  void bundledGpuCatalogHasTheRequiredGpusWithSourcedPrices() {
    GpuCatalog gpus = ScenarioLoader.bundledGpus();
    for (String id :
        List.of(
            "T4", "L4", "A10G", "L40S", "A100-40GB", "A100-80GB", "H100", "H200", "article-0.95")) {
      GpuSpec gpu = gpus.find(id).orElseThrow(() -> new AssertionError("missing " + id));
      assertTrue(gpu.defaultPrice().pricePerGpuHourUsd() > 0);
      assertTrue(!gpu.defaultPrice().source().asOf().isBlank());
    }
    GpuSpec article = gpus.find("article-0.95").orElseThrow();
    assertEquals(0.95, article.defaultPrice().pricePerGpuHourUsd());
    assertEquals("A10G", article.specsAssumedFrom());
    // AWS us-east-1 on-demand since June 2025, per instance of 8 GPUs
    assertEquals(
        21.96 / 8, gpus.find("A100-40GB").orElseThrow().defaultPrice().pricePerGpuHourUsd(), 1e-12);
    assertEquals(
        27.45 / 8, gpus.find("A100-80GB").orElseThrow().defaultPrice().pricePerGpuHourUsd(), 1e-12);
    assertEquals(
        55.04 / 8, gpus.find("H100").orElseThrow().defaultPrice().pricePerGpuHourUsd(), 1e-12);
    // No cloud price was read from its page here: each is flagged and names the page to check.
    for (GpuSpec gpu : gpus.gpus()) {
      for (var price : gpu.prices()) {
        if (!gpu.id().equals("article-0.95")) {
          assertTrue(price.source().approximate(), gpu.id() + " " + price.instanceType());
          assertTrue(price.source().source().contains("check https://"), price.source().source());
        }
      }
    }
  }

  @Test
  void bundledModelCatalogCarriesTheCardsScores() {
    ModelCatalog models = ScenarioLoader.bundledModels();
    assertEquals(
        64.33,
        models
            .find("Qwen/Qwen3-Embedding-0.6B")
            .orElseThrow()
            .quality("mmteb")
            .orElseThrow()
            .score());
    assertEquals(1024, models.find("qwen3-embedding-0.6b").orElseThrow().dimensions());
    assertEquals(568e6, models.find("BAAI/bge-m3").orElseThrow().statedParameters());
  }
}
