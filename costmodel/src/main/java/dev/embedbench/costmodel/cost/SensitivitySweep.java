package dev.embedbench.costmodel.cost;

import static dev.embedbench.costmodel.cost.CostText.fmt;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.TokenRescale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each input ×0.5 and ×1.5, one at a time: the price of each GPU (moving every deployment on it
 * together), each capacity, the demand's volume, peak factor and tokens per input (every capacity
 * rescaled linearly to the new length), and the target utilisation (at most 1). A case is flagged
 * when the ranking changes or a saving moves by more than {@link #SAVINGS_SHIFT_FLAG_POINTS}.
 */
final class SensitivitySweep {

  static final double LOW = 0.5;
  static final double HIGH = 1.5;
  static final double SAVINGS_SHIFT_FLAG_POINTS = 10;

  private SensitivitySweep() {}

  static List<SensitivityCase> cases(
      Scenario scenario,
      Map<String, GpuPrice> prices,
      List<DeploymentCost> base,
      List<String> baseRanking) {
    List<SensitivityCase> cases = new ArrayList<>();
    Map<GpuPrice, List<String>> byPrice = new LinkedHashMap<>();
    prices.forEach((id, price) -> byPrice.computeIfAbsent(price, k -> new ArrayList<>()).add(id));
    for (double m : new double[] {LOW, HIGH}) {
      byPrice.forEach(
          (price, ids) -> {
            Map<String, Double> factors = new HashMap<>();
            ids.forEach(id -> factors.put(id, m));
            cases.add(
                compare(
                    "price",
                    price.instanceType() + " " + ids,
                    m,
                    base,
                    baseRanking,
                    FleetPricing.price(scenario, prices, factors)));
          });
      for (Deployment d : scenario.deployments()) {
        List<Deployment> moved =
            scenario.deployments().stream()
                .map(x -> x.id().equals(d.id()) ? x.withCapacity(x.capacity().scaled(m)) : x)
                .toList();
        cases.add(
            compare(
                "capacity",
                d.id(),
                m,
                base,
                baseRanking,
                FleetPricing.price(
                    scenario.withDeployments(moved, scenario.baselineId()), prices, Map.of())));
      }
      cases.add(
          compare(
              "volume",
              "all",
              m,
              base,
              baseRanking,
              FleetPricing.price(
                  scenario.withDemand(scenario.demand().scaled(m, 1)), prices, Map.of())));
      if (!scenario.demand().hasHourlyProfile()) {
        cases.add(
            compare(
                "peakToAverage",
                "all",
                m,
                base,
                baseRanking,
                FleetPricing.price(
                    scenario.withDemand(scenario.demand().scaled(1, m)), prices, Map.of())));
      }
      cases.add(
          compare(
              "tokensPerInput",
              "all (capacities rescaled linearly)",
              m,
              base,
              baseRanking,
              FleetPricing.price(withTokens(scenario, m), prices, Map.of())));
      double utilisation = Math.min(1, scenario.policy().targetUtilisation() * m);
      if (utilisation != scenario.policy().targetUtilisation()) {
        cases.add(
            compare(
                "targetUtilisation",
                "all (" + fmt(utilisation * 100) + "%)",
                m,
                base,
                baseRanking,
                FleetPricing.price(
                    scenario.withPolicy(scenario.policy().withTargetUtilisation(utilisation)),
                    prices,
                    Map.of())));
      }
    }
    return cases;
  }

  /**
   * The demand at {@code factor} × its tokens per input; capacities that state no length are taken
   * at the old one.
   */
  private static Scenario withTokens(Scenario scenario, double factor) {
    Demand d = scenario.demand();
    int tokens = Math.max(1, (int) Math.round(d.tokensPerInput() * factor));
    List<Deployment> pinned =
        scenario.deployments().stream()
            .map(
                x ->
                    x.withCapacity(
                        x.capacity().tokensPerInput() != null
                            ? x.capacity()
                            : x.capacity().atTokens((double) d.tokensPerInput())))
            .toList();
    Demand moved =
        new Demand(
            d.requestsPerDay(),
            d.hourlyShares(),
            d.peakToAverage(),
            d.inputsPerRequest(),
            tokens,
            d.source());
    return scenario
        .withDeployments(pinned, scenario.baselineId())
        .withDemand(moved)
        .withPolicy(scenario.policy().withTokenRescale(TokenRescale.LINEAR));
  }

  private static SensitivityCase compare(
      String factor,
      String target,
      double multiplier,
      List<DeploymentCost> base,
      List<String> baseRanking,
      List<DeploymentCost> moved) {
    List<String> ranking = FleetPricing.cheapestFirst(moved);
    Map<String, Double> savings = new LinkedHashMap<>();
    double maxShift = 0;
    for (int i = 0; i < moved.size(); i++) {
      savings.put(moved.get(i).deploymentId(), moved.get(i).savingsVsBaselinePercent());
      maxShift =
          Math.max(
              maxShift,
              Math.abs(
                  moved.get(i).savingsVsBaselinePercent()
                      - base.get(i).savingsVsBaselinePercent()));
    }
    boolean rankingChanged = !ranking.equals(baseRanking);
    return new SensitivityCase(
        factor,
        target,
        multiplier,
        ranking,
        savings,
        rankingChanged,
        maxShift,
        rankingChanged || maxShift > SAVINGS_SHIFT_FLAG_POINTS);
  }
}
