package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Policy;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Prices a scenario: the one entry point of this package.
 *
 * <p>The headline is the unit cost at capacity ({@link UnitCosts}). Beside it, the whole-instance
 * fleet at the scenario's demand ({@link WholeInstanceFleet}, priced by {@link FleetPricing}), the
 * same fleet across demand with its break-evens ({@link DemandSweep}), and the sensitivity cases
 * ({@link SensitivitySweep}). Every deployment on one GPU is priced at one price ({@link
 * SharedGpuPrices}); a capacity is taken to the demand's token length only by an explicit, labelled
 * rescale ({@link TokenLengths}).
 */
public final class CostModel {

  private CostModel() {}

  /**
   * The full report: unit costs, every deployment's fleet, the demand curve and the sensitivity
   * cases.
   */
  public static CostReport evaluate(Scenario scenario) {
    Map<String, GpuPrice> prices = SharedGpuPrices.byDeployment(scenario);
    List<DeploymentCost> rows = FleetPricing.price(scenario, prices, Map.of());
    List<String> ranking = FleetPricing.cheapestFirst(rows);
    List<SensitivityCase> sensitivity = SensitivitySweep.cases(scenario, prices, rows, ranking);
    Demand d = scenario.demand();
    Policy p = scenario.policy();
    return new CostReport(
        scenario.name(),
        scenario.file(),
        d.requestsPerDay(),
        d.peakToAverage(),
        d.averageRequestsPerSec(),
        d.peakRequestsPerSec(),
        d.inputsPerRequest(),
        d.tokensPerInput(),
        d.tokensPerDay(),
        p.targetUtilisation(),
        p.minReplicas(),
        p.scaling().label(),
        p.slo().label(),
        p.tokenRescale().label(),
        scenario.baselineId(),
        scenario.qualityBenchmark(),
        UnitCosts.of(scenario, prices),
        SharedGpuPrices.notes(scenario, prices),
        rows,
        DemandSweep.curve(scenario, prices),
        ranking,
        sensitivity,
        CostWarnings.of(scenario, rows));
  }

  /**
   * Whole instances for a rate: {@code max(minReplicas, ceil(rate / planned))}, forgiving float
   * noise just above a whole number ({@link WholeInstanceFleet#replicas}).
   */
  public static int replicas(double requestsPerSec, double plannedPerReplica, int minReplicas) {
    return WholeInstanceFleet.replicas(requestsPerSec, plannedPerReplica, minReplicas);
  }
}
