package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.catalog.QualityScore;
import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each deployment's whole-instance fleet at the scenario's demand, in dollars: GPU-hours × price
 * per GPU-hour, per hour, year, million requests and million tokens; the saving against the
 * baseline, cost per quality point, and the roofline floor.
 */
final class FleetPricing {

  private FleetPricing() {}

  /**
   * Prices each deployment; {@code priceFactors} multiplies the price of the deployments it names.
   */
  static List<DeploymentCost> price(
      Scenario scenario, Map<String, GpuPrice> prices, Map<String, Double> priceFactors) {
    Map<String, Capacity> capacities = new HashMap<>();
    Map<String, WholeInstanceFleet> fleets = new HashMap<>();
    for (Deployment d : scenario.deployments()) {
      Capacity c =
          TokenLengths.atDemandTokens(d, scenario.demand(), scenario.policy().tokenRescale());
      capacities.put(d.id(), c);
      fleets.put(d.id(), WholeInstanceFleet.of(c, scenario.demand(), scenario.policy()));
    }
    Deployment baseline = scenario.deployment(scenario.baselineId()).orElseThrow();
    double baselineYear =
        fleets
            .get(baseline.id())
            .usdPerYear(
                prices.get(baseline.id()).pricePerGpuHourUsd()
                    * priceFactors.getOrDefault(baseline.id(), 1.0));
    Optional<QualityScore> baselineQuality = baseline.model().quality(scenario.qualityBenchmark());
    List<DeploymentCost> rows = new ArrayList<>();
    for (Deployment d : scenario.deployments()) {
      GpuPrice price = prices.get(d.id());
      double priceUsd = price.pricePerGpuHourUsd() * priceFactors.getOrDefault(d.id(), 1.0);
      rows.add(
          row(
              scenario,
              d,
              capacities.get(d.id()),
              price,
              priceUsd,
              fleets.get(d.id()),
              baselineYear,
              baselineQuality));
    }
    return rows;
  }

  /** Deployment ids by yearly cost, cheapest first (ties by id). */
  static List<String> cheapestFirst(List<DeploymentCost> rows) {
    return rows.stream()
        .sorted(
            Comparator.comparingDouble(DeploymentCost::usdPerYear)
                .thenComparing(DeploymentCost::deploymentId))
        .map(DeploymentCost::deploymentId)
        .toList();
  }

  private static DeploymentCost row(
      Scenario scenario,
      Deployment d,
      Capacity capacity,
      GpuPrice price,
      double priceUsd,
      WholeInstanceFleet fleet,
      double baselineYear,
      Optional<QualityScore> baselineQuality) {
    Demand demand = scenario.demand();
    double gpuHoursPerDay = fleet.gpuHoursPerDay();
    double usdPerDay = gpuHoursPerDay * priceUsd;
    double usdPerYear = usdPerDay * WholeInstanceFleet.DAYS_PER_YEAR;
    double usdPerMillionRequests = usdPerDay / demand.requestsPerDay() * 1e6;
    double usdPerMillionTokens = usdPerDay / demand.tokensPerDay() * 1e6;
    double savings = (baselineYear - usdPerYear) / baselineYear * 100;

    Optional<QualityScore> quality = d.model().quality(scenario.qualityBenchmark());
    Double score = quality.map(QualityScore::score).orElse(null);
    Double perPoint = score == null ? null : usdPerMillionRequests / score;
    Double marginal = null;
    if (score != null && baselineQuality.isPresent() && score != baselineQuality.get().score()) {
      marginal = (usdPerYear - baselineYear) / (score - baselineQuality.get().score());
    }

    double flopsPerToken = d.model().shape().flopsPerToken(demand.tokensPerInput());
    double peakFlops = d.gpu().denseFp16FlopsPerSec();
    double rooflinePerMillionTokens = priceUsd / 3600.0 * (1e6 * flopsPerToken / peakFlops);
    double rooflineYear =
        demand.tokensPerDay() * WholeInstanceFleet.DAYS_PER_YEAR / 1e6 * rooflinePerMillionTokens;
    double mfu =
        capacity.requestsPerSecPerReplica()
            * demand.tokensPerRequest()
            * flopsPerToken
            / peakFlops
            * 100;

    return new DeploymentCost(
        d.id(),
        d.model().id(),
        d.model().name(),
        SharedGpuPrices.physicalGpu(d.gpu()),
        price.label(),
        price.source().label(),
        priceUsd,
        capacity.requestsPerSecPerReplica(),
        TokenLengths.provenance(d.capacity(), capacity, demand),
        capacity.kind().label(),
        capacity.basis(),
        capacity.source(),
        capacity.lowerBoundOnly(),
        capacity.requestsPerSecPerReplica() * scenario.policy().targetUtilisation(),
        demand.peakRequestsPerSec(),
        fleet.peakReplicas(),
        gpuHoursPerDay,
        usdPerDay / 24,
        usdPerYear,
        usdPerMillionRequests,
        usdPerMillionTokens,
        savings,
        scenario.qualityBenchmark(),
        score,
        perPoint,
        marginal,
        flopsPerToken,
        rooflinePerMillionTokens,
        rooflineYear,
        usdPerYear / rooflineYear,
        mfu,
        d.model().weightsGb(),
        d.model().weightsGb() <= d.gpu().memoryGb());
  }
}
