package dev.embedbench.costmodel.cost;

import static dev.embedbench.costmodel.cost.CostText.usd;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One price per GPU: every deployment on a GPU (or on a catalog entry that borrows that GPU's
 * specs, such as the article's unnamed $0.95 instance) is priced at the price of the first
 * deployment on it, the baseline's first.
 */
final class SharedGpuPrices {

  private SharedGpuPrices() {}

  /**
   * The GPU a catalog entry stands for: the one whose specs it borrows, else itself. Every output
   * names a deployment's GPU this way, so that one GPU at one price has one name.
   */
  static String physicalGpu(GpuSpec gpu) {
    return gpu.specsAssumedFrom() != null ? gpu.specsAssumedFrom() : gpu.id();
  }

  /** Deployment id to the one price of its GPU in this scenario. */
  static Map<String, GpuPrice> byDeployment(Scenario scenario) {
    Map<String, GpuPrice> byGpu = new HashMap<>();
    Deployment baseline = scenario.deployment(scenario.baselineId()).orElseThrow();
    byGpu.put(physicalGpu(baseline.gpu()), baseline.price());
    Map<String, GpuPrice> byDeployment = new LinkedHashMap<>();
    for (Deployment d : scenario.deployments()) {
      byDeployment.put(d.id(), byGpu.computeIfAbsent(physicalGpu(d.gpu()), k -> d.price()));
    }
    return byDeployment;
  }

  /** One line per GPU that more than one catalog price was offered for, naming the price used. */
  static List<String> notes(Scenario scenario, Map<String, GpuPrice> prices) {
    List<String> notes = new ArrayList<>();
    Map<String, List<Deployment>> byGpu = new LinkedHashMap<>();
    scenario
        .deployments()
        .forEach(d -> byGpu.computeIfAbsent(physicalGpu(d.gpu()), k -> new ArrayList<>()).add(d));
    byGpu.forEach(
        (gpu, deployments) -> {
          GpuPrice used = prices.get(deployments.get(0).id());
          List<String> overridden =
              deployments.stream()
                  .filter(d -> !d.price().equals(used))
                  .map(
                      d ->
                          d.id()
                              + " (its own "
                              + d.price().label()
                              + " "
                              + usd(d.price().pricePerGpuHourUsd())
                              + "/h)")
                  .toList();
          notes.add(
              gpu
                  + ": "
                  + usd(used.pricePerGpuHourUsd())
                  + "/h, "
                  + used.label()
                  + ", for "
                  + deployments.stream().map(Deployment::id).toList()
                  + (overridden.isEmpty() ? "" : "; not used: " + String.join(", ", overridden)));
        });
    return notes;
  }
}
