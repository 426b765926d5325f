package dev.embedbench.costmodel.scenario;

import dev.embedbench.costmodel.capacity.MeasuredCapacity;
import dev.embedbench.costmodel.capacity.ResultFileReader;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings load-generator results into a scenario, as {@code embedbench cost --capacity [ID=]PATH}
 * does.
 *
 * <ul>
 *   <li>{@code ID=PATH} where ID is a deployment of the scenario: that deployment's capacity
 *       becomes the measured one (on {@code gpuId} when given).
 *   <li>{@code PATH}, or {@code MODEL=PATH}: a deployment {@code <model>-measured-<gpu>} is added
 *       beside the stated ones, for the model the file (or MODEL) names, on {@code gpuId} or else
 *       the GPU of the scenario's first deployment of that model.
 * </ul>
 */
public final class MeasuredCapacities {

  private MeasuredCapacities() {}

  public static Scenario apply(Scenario scenario, String spec, String gpuId) {
    int eq = spec.indexOf('=');
    String name = eq > 0 ? spec.substring(0, eq) : null;
    Path path = Path.of(eq > 0 ? spec.substring(eq + 1) : spec);
    MeasuredCapacity measured = ResultFileReader.read(path, scenario.policy().slo());
    Capacity capacity = Capacities.measured(measured, scenario.demand());
    GpuSpec gpu =
        gpuId == null
            ? null
            : scenario
                .gpus()
                .find(gpuId)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--gpu: unknown GPU '"
                                + gpuId
                                + "'; the catalog has "
                                + scenario.gpus().ids()));

    List<Deployment> deployments = new ArrayList<>(scenario.deployments());
    if (name != null && scenario.deployment(name).isPresent()) {
      Deployment old = scenario.deployment(name).get();
      GpuSpec on = gpu == null ? old.gpu() : gpu;
      Deployment replaced =
          new Deployment(
              old.id(),
              old.model(),
              on,
              on.equals(old.gpu()) ? old.price() : on.defaultPrice(),
              capacity);
      deployments.set(deployments.indexOf(old), replaced);
      return scenario.withDeployments(deployments, scenario.baselineId());
    }
    String modelName =
        name != null
            ? name
            : measured
                .modelName()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            measured.file()
                                + ": model: the file names no model; "
                                + "write --capacity DEPLOYMENT="
                                + path
                                + " or --capacity MODEL="
                                + path));
    ModelSpec model =
        scenario
            .models()
            .find(modelName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        measured.file()
                            + ": model: '"
                            + modelName
                            + "' is neither a deployment of the scenario "
                            + scenario.deployments().stream().map(Deployment::id).toList()
                            + " nor a catalog model "
                            + scenario.models().ids()));
    GpuSpec on =
        gpu != null
            ? gpu
            : scenario.deployments().stream()
                .filter(d -> d.model().id().equals(model.id()))
                .map(Deployment::gpu)
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--gpu is needed: the scenario has no "
                                + "deployment of "
                                + model.id()
                                + " to take the GPU from"));
    String id = uniqueId(scenario, model.id() + "-measured-" + on.id());
    deployments.add(new Deployment(id, model, on, on.defaultPrice(), capacity));
    return scenario.withDeployments(deployments, scenario.baselineId());
  }

  private static String uniqueId(Scenario scenario, String base) {
    String id = base;
    for (int i = 2; scenario.deployment(id).isPresent(); i++) {
      id = base + "-" + i;
    }
    return id;
  }
}
