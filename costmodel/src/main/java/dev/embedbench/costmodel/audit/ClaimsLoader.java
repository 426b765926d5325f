package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.catalog.CatalogLoader.build;

import dev.embedbench.config.ConfigNode;
import dev.embedbench.costmodel.catalog.CatalogLoader;
import dev.embedbench.costmodel.catalog.GpuCatalog;
import dev.embedbench.costmodel.catalog.ModelCatalog;
import dev.embedbench.costmodel.catalog.SourceNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a scenario's {@code claims} block; model and GPU names must be in the catalogs. */
public final class ClaimsLoader {

  private static final Set<String> KEYS =
      Set.of(
          "title",
          "source",
          "asOf",
          "approximate",
          "note",
          "hourlyPriceUsd",
          "requestsPerDay",
          "baseline",
          "candidate",
          "table",
          "savingsPercent",
          "qualityDropPoints",
          "qualityDropPercent",
          "speedup",
          "throughput",
          "utilisationPercent",
          "outputDimensions",
          "tolerancePercent");
  private static final Set<String> ROW_KEYS =
      Set.of(
          "model",
          "parametersBillions",
          "gpuMemoryGb",
          "meanLatencyMillis",
          "costPerRequestUsd",
          "qualityScore",
          "qualityAsClaimed",
          "annualCostUsd",
          "note");
  private static final Set<String> THROUGHPUT_KEYS =
      Set.of("model", "gpu", "inputsPerSec", "tokensPerInput", "p99Millis", "note");

  private ClaimsLoader() {}

  public static ArticleClaims load(ConfigNode node, ModelCatalog models, GpuCatalog gpus) {
    node.rejectUnknownKeys(KEYS);
    SourceNote source = CatalogLoader.source(node);
    List<ClaimedModel> rows = new ArrayList<>();
    for (ConfigNode row : node.list("table")) {
      row.rejectUnknownKeys(ROW_KEYS);
      String model = modelId(row, "model", models);
      Double annual = row.has("annualCostUsd") ? row.positive("annualCostUsd") : null;
      rows.add(
          build(
              row,
              () ->
                  new ClaimedModel(
                      model,
                      row.positive("parametersBillions"),
                      row.positive("gpuMemoryGb"),
                      row.positive("meanLatencyMillis"),
                      row.positive("costPerRequestUsd"),
                      row.positive("qualityScore"),
                      row.text("qualityAsClaimed"),
                      annual)));
    }
    String baseline = modelId(node, "baseline", models);
    String candidate = modelId(node, "candidate", models);
    ThroughputClaim throughput = null;
    if (node.has("throughput")) {
      ConfigNode t = node.object("throughput");
      t.rejectUnknownKeys(THROUGHPUT_KEYS);
      String model = modelId(t, "model", models);
      String gpu = t.text("gpu");
      if (gpus.find(gpu).isEmpty()) {
        throw t.error("gpu", "unknown GPU '" + gpu + "'; the catalog has " + gpus.ids());
      }
      String gpuId = gpus.find(gpu).orElseThrow().id();
      throughput =
          build(
              t,
              () ->
                  new ThroughputClaim(
                      model,
                      gpuId,
                      t.positive("inputsPerSec"),
                      t.intValue("tokensPerInput", 1),
                      t.positive("p99Millis")));
    }
    Double before = null;
    Double after = null;
    if (node.has("utilisationPercent")) {
      ConfigNode u = node.object("utilisationPercent");
      u.rejectUnknownKeys(Set.of("baseline", "candidate"));
      before = percent(u, "baseline");
      after = percent(u, "candidate");
    }
    List<Integer> dimensions = List.of();
    if (node.has("outputDimensions")) {
      dimensions = new ArrayList<>();
      for (ConfigNode d : node.list("outputDimensions")) {
        if (!d.raw().canConvertToInt() || d.raw().asInt() < 1) {
          throw d.error("must be a whole number >= 1");
        }
        dimensions.add(d.raw().asInt());
      }
    }
    ThroughputClaim claimedThroughput = throughput;
    Double claimedBefore = before;
    Double claimedAfter = after;
    List<Integer> claimedDimensions = dimensions;
    double tolerance = node.has("tolerancePercent") ? node.positive("tolerancePercent") : 5;
    return build(
        node,
        () ->
            new ArticleClaims(
                node.text("title"),
                source,
                node.positive("hourlyPriceUsd"),
                node.positive("requestsPerDay"),
                baseline,
                candidate,
                rows,
                node.number("savingsPercent"),
                node.number("qualityDropPoints"),
                node.number("qualityDropPercent"),
                node.positive("speedup"),
                claimedThroughput,
                claimedBefore,
                claimedAfter,
                claimedDimensions,
                tolerance));
  }

  private static double percent(ConfigNode node, String key) {
    double value = node.positive(key);
    if (value > 100) {
      throw node.error(key, "must be a percentage in (0, 100], was " + value);
    }
    return value;
  }

  private static String modelId(ConfigNode node, String key, ModelCatalog models) {
    String name = node.text(key);
    return models
        .find(name)
        .orElseThrow(
            () -> node.error(key, "unknown model '" + name + "'; the catalog has " + models.ids()))
        .id();
  }
}
