package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader of the cost table must not miss: weights that do not fit, a capacity beyond the
 * GPU's peak, lower-bound capacities, mixed provenance, and roofline specs assumed from another
 * GPU.
 */
final class CostWarnings {

  private CostWarnings() {}

  static List<String> of(Scenario scenario, List<DeploymentCost> rows) {
    List<String> warnings = new ArrayList<>();
    for (DeploymentCost row : rows) {
      if (!row.fitsInGpuMemory()) {
        warnings.add(
            row.deploymentId()
                + ": "
                + row.modelName()
                + " weights ("
                + String.format("%.1f", row.weightsGb())
                + " GB) exceed "
                + row.gpuId()
                + " memory");
      }
      if (row.impliedMfuAtCapacityPercent() > 100) {
        warnings.add(
            row.deploymentId()
                + ": capacity implies "
                + String.format("%.0f", row.impliedMfuAtCapacityPercent())
                + "% of the GPU's peak FLOP/s, which is impossible");
      }
      if (row.capacityLowerBound()) {
        warnings.add(
            row.deploymentId()
                + ": its capacity is a lower bound (nothing above it failed): its costs are"
                + " upper bounds and a saving computed from it is a bound");
      }
    }
    long provenances = rows.stream().map(DeploymentCost::capacityProvenance).distinct().count();
    if (provenances > 1) {
      warnings.add(
          "capacities of different provenance are compared: "
              + rows.stream().map(r -> r.deploymentId() + " " + r.capacityProvenance()).toList());
    }
    scenario.deployments().stream()
        .filter(d -> d.gpu().specsAssumedFrom() != null)
        .findFirst()
        .ifPresent(
            d ->
                warnings.add(
                    d.gpu().id()
                        + ": roofline uses the specs of "
                        + d.gpu().specsAssumedFrom()
                        + ", assumed (the catalog entry names only a price)"));
    return warnings;
  }
}
