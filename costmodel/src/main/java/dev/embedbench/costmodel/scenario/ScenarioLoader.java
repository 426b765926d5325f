package dev.embedbench.costmodel.scenario;

import static dev.embedbench.costmodel.catalog.CatalogLoader.build;

import dev.embedbench.config.ConfigNode;
import dev.embedbench.costmodel.audit.ArticleClaims;
import dev.embedbench.costmodel.audit.ClaimsLoader;
import dev.embedbench.costmodel.capacity.ResultFileReader;
import dev.embedbench.costmodel.catalog.CatalogLoader;
import dev.embedbench.costmodel.catalog.GpuCatalog;
import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.ModelCatalog;
import dev.embedbench.costmodel.catalog.ModelSpec;
import dev.embedbench.costmodel.catalog.SourceNote;
import dev.embedbench.costmodel.config.ConfigFiles;
import dev.embedbench.results.Slo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a scenario YAML and the catalogs it names ({@code catalogs.gpus}, {@code catalogs.models},
 * relative to the scenario; the bundled catalogs when absent). Every error names the file and the
 * key.
 */
public final class ScenarioLoader {

  /** Class-path folder holding copies of {@code configs/catalog} and {@code configs/scenarios}. */
  public static final String BUNDLED_ROOT = "/embedbench/configs";

  public static final String ARTICLE_SCENARIO = BUNDLED_ROOT + "/scenarios/article-qwen3.yaml";
  public static final String GPU_CATALOG = BUNDLED_ROOT + "/catalog/gpus.yaml";
  public static final String MODEL_CATALOG = BUNDLED_ROOT + "/catalog/models.yaml";

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "description",
          "source",
          "asOf",
          "approximate",
          "catalogs",
          "demand",
          "policy",
          "qualityBenchmark",
          "baseline",
          "deployments",
          "claims",
          "note");
  private static final Set<String> DEMAND_KEYS =
      Set.of(
          "requestsPerDay",
          "peakToAverage",
          "hourlyProfile",
          "inputsPerRequest",
          "tokensPerInput",
          "source",
          "asOf",
          "approximate",
          "note");
  private static final Set<String> POLICY_KEYS =
      Set.of("targetUtilisation", "minReplicas", "scaling", "slo", "tokenRescale", "note");
  private static final Set<String> DEPLOYMENT_KEYS =
      Set.of("id", "model", "gpu", "instanceType", "capacity", "note");
  private static final Set<String> CAPACITY_KEYS =
      Set.of(
          "statedRequestsPerSec",
          "statedInputsPerSec",
          "statedLatencyMillis",
          "concurrency",
          "statedCostPerRequestUsd",
          "measured",
          "tokensPerInput",
          "source",
          "note");
  private static final List<String> CAPACITY_FORMS =
      List.of(
          "statedRequestsPerSec",
          "statedInputsPerSec",
          "statedLatencyMillis",
          "statedCostPerRequestUsd",
          "measured");

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return load(
        ConfigFiles.read(file),
        relative -> ConfigFiles.read(dir.resolve(relative)),
        relative -> dir.resolve(relative));
  }

  /** The article scenario bundled in this build (the default of {@code embedbench cost}). */
  public static Scenario loadBundledArticle() {
    return loadResource(ARTICLE_SCENARIO);
  }

  public static Scenario loadResource(String resource) {
    Path dir = Path.of(resource).getParent();
    return load(
        ConfigFiles.readResource(resource),
        relative -> ConfigFiles.readResource(dir.resolve(relative).normalize().toString()),
        relative -> dir.resolve(relative));
  }

  public static GpuCatalog bundledGpus() {
    return CatalogLoader.gpus(ConfigFiles.readResource(GPU_CATALOG));
  }

  public static ModelCatalog bundledModels() {
    return CatalogLoader.models(ConfigFiles.readResource(MODEL_CATALOG));
  }

  private static Scenario load(
      ConfigNode root, Function<String, ConfigNode> sibling, Function<String, Path> siblingPath) {
    root.rejectUnknownKeys(KEYS);
    GpuCatalog gpus;
    ModelCatalog models;
    if (root.has("catalogs")) {
      ConfigNode catalogs = root.object("catalogs");
      catalogs.rejectUnknownKeys(Set.of("gpus", "models"));
      gpus = CatalogLoader.gpus(sibling.apply(catalogs.text("gpus")));
      models = CatalogLoader.models(sibling.apply(catalogs.text("models")));
    } else {
      gpus = bundledGpus();
      models = bundledModels();
    }
    Demand demand = demand(root.object("demand"));
    Policy policy = policy(root.object("policy"));
    List<Deployment> deployments = new ArrayList<>();
    for (ConfigNode d : root.list("deployments")) {
      deployments.add(deployment(d, gpus, models, demand, policy, siblingPath));
    }
    ArticleClaims claims =
        root.has("claims") ? ClaimsLoader.load(root.object("claims"), models, gpus) : null;
    String baseline = root.text("baseline");
    if (deployments.stream().noneMatch(d -> d.id().equals(baseline))) {
      throw root.error(
          "baseline",
          "must name a deployment id, one of "
              + deployments.stream().map(Deployment::id).toList()
              + ", not '"
              + baseline
              + "'");
    }
    String benchmark = root.text("qualityBenchmark");
    SourceNote source = CatalogLoader.source(root);
    return build(
        root,
        () ->
            new Scenario(
                root.text("name"),
                root.file().toString(),
                root.text("description"),
                source,
                demand,
                policy,
                benchmark,
                baseline,
                deployments,
                claims,
                gpus,
                models));
  }

  private static Demand demand(ConfigNode node) {
    node.rejectUnknownKeys(DEMAND_KEYS);
    double requestsPerDay = node.positive("requestsPerDay");
    double inputs = node.positive("inputsPerRequest");
    int tokens = node.intValue("tokensPerInput", 1);
    SourceNote source = CatalogLoader.source(node);
    if (node.has("hourlyProfile") == node.has("peakToAverage")) {
      throw node.error("give exactly one of peakToAverage and hourlyProfile");
    }
    if (node.has("hourlyProfile")) {
      List<Double> weights = node.numberList("hourlyProfile");
      try {
        return Demand.withHourlyProfile(requestsPerDay, weights, inputs, tokens, source);
      } catch (IllegalArgumentException e) {
        throw node.error("hourlyProfile", e.getMessage());
      }
    }
    double peak = node.number("peakToAverage");
    if (peak < 1) {
      throw node.error(
          "peakToAverage", "must be >= 1 (the busiest hour over the mean), was " + peak);
    }
    return build(node, () -> Demand.withPeakFactor(requestsPerDay, peak, inputs, tokens, source));
  }

  private static Policy policy(ConfigNode node) {
    node.rejectUnknownKeys(POLICY_KEYS);
    double target = node.positive("targetUtilisation");
    if (target > 1) {
      throw node.error(
          "targetUtilisation", "must be in (0, 1] (a share of capacity), was " + target);
    }
    Scaling scaling;
    try {
      scaling = Scaling.fromLabel(node.optionalText("scaling").orElse("fixed"));
    } catch (IllegalArgumentException e) {
      throw node.error("scaling", e.getMessage());
    }
    ConfigNode s = node.object("slo");
    s.rejectUnknownKeys(Set.of("p99Millis", "maxErrorRate", "note"));
    double maxErrorRate = s.nonNegative("maxErrorRate");
    if (maxErrorRate >= 1) {
      throw s.error("maxErrorRate", "must be a share in [0, 1), was " + maxErrorRate);
    }
    Slo slo = build(s, () -> new Slo(s.positive("p99Millis"), maxErrorRate));
    int minReplicas = node.intValue("minReplicas", 1);
    Scaling chosen = scaling;
    TokenRescale rescale;
    try {
      rescale = TokenRescale.fromLabel(node.optionalText("tokenRescale").orElse("none"));
    } catch (IllegalArgumentException e) {
      throw node.error("tokenRescale", e.getMessage());
    }
    TokenRescale chosenRescale = rescale;
    return build(node, () -> new Policy(target, minReplicas, chosen, slo, chosenRescale));
  }

  private static Deployment deployment(
      ConfigNode node,
      GpuCatalog gpus,
      ModelCatalog models,
      Demand demand,
      Policy policy,
      Function<String, Path> siblingPath) {
    node.rejectUnknownKeys(DEPLOYMENT_KEYS);
    String modelName = node.text("model");
    ModelSpec model =
        models
            .find(modelName)
            .orElseThrow(
                () ->
                    node.error(
                        "model",
                        "unknown model '" + modelName + "'; the catalog has " + models.ids()));
    String gpuName = node.text("gpu");
    GpuSpec gpu =
        gpus.find(gpuName)
            .orElseThrow(
                () ->
                    node.error(
                        "gpu", "unknown GPU '" + gpuName + "'; the catalog has " + gpus.ids()));
    GpuPrice price = gpu.defaultPrice();
    if (node.has("instanceType")) {
      String type = node.text("instanceType");
      price =
          gpu.price(type)
              .orElseThrow(
                  () ->
                      node.error(
                          "instanceType",
                          "GPU "
                              + gpu.id()
                              + " has no price for '"
                              + type
                              + "'; it has "
                              + gpu.prices().stream().map(GpuPrice::instanceType).toList()));
    }
    Capacity capacity = capacity(node.object("capacity"), demand, policy, price, siblingPath);
    GpuPrice chosen = price;
    return build(node, () -> new Deployment(node.text("id"), model, gpu, chosen, capacity));
  }

  private static Capacity capacity(
      ConfigNode node,
      Demand demand,
      Policy policy,
      GpuPrice price,
      Function<String, Path> siblingPath) {
    node.rejectUnknownKeys(CAPACITY_KEYS);
    List<String> given = CAPACITY_FORMS.stream().filter(node::has).toList();
    if (given.size() != 1) {
      throw node.error("give exactly one of " + CAPACITY_FORMS + ", gave " + given);
    }
    String form = given.get(0);
    if (form.equals("measured")) {
      if (node.has("tokensPerInput")) {
        throw node.error(
            "tokensPerInput", "a measured capacity takes its token length from its result file");
      }
      return Capacities.measured(
          ResultFileReader.read(siblingPath.apply(node.text("measured")), policy.slo()), demand);
    }
    String source = node.text("source");
    Double tokens = node.has("tokensPerInput") ? node.positive("tokensPerInput") : null;
    Capacity stated =
        switch (form) {
          case "statedRequestsPerSec" -> Capacities.statedRequests(node.positive(form), source);
          case "statedInputsPerSec" -> Capacities.statedInputs(node.positive(form), demand, source);
          case "statedLatencyMillis" ->
              Capacities.statedLatency(
                  node.positive(form),
                  node.has("concurrency") ? node.positive("concurrency") : 1,
                  source);
          default -> Capacities.statedCostPerRequest(node.positive(form), price, source);
        };
    return stated.atTokens(tokens);
  }
}
