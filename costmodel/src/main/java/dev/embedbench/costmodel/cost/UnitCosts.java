package dev.embedbench.costmodel.cost;

import static dev.embedbench.costmodel.cost.CostText.fmt;
import static dev.embedbench.costmodel.cost.CostText.usd;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headline: per deployment, {@code price / (capacity × 3600 × utilisation) × 10⁶} per million
 * requests, ÷ tokens per request per million tokens, at the capacity's own token length; the saving
 * is 1 − the ratio to the baseline's, per request at equal lengths, per token across lengths
 * (labelled as such). A lower-bound capacity makes its costs upper bounds and its saving a bound.
 */
final class UnitCosts {

  private UnitCosts() {}

  static List<UnitCost> of(Scenario scenario, Map<String, GpuPrice> prices) {
    Demand demand = scenario.demand();
    double utilisation = scenario.policy().targetUtilisation();
    Deployment baseline = scenario.deployment(scenario.baselineId()).orElseThrow();
    double baseTokens = TokenLengths.tokensOf(baseline.capacity(), demand);
    BoundedFigure basePerToken =
        perMillionTokens(baseline, prices.get(baseline.id()), demand, utilisation);
    List<UnitCost> rows = new ArrayList<>();
    for (Deployment d : scenario.deployments()) {
      Capacity c = d.capacity();
      GpuPrice price = prices.get(d.id());
      double tokens = TokenLengths.tokensOf(c, demand);
      double tokensPerRequest = tokens * demand.inputsPerRequest();
      BoundedFigure perRequest = perMillion(price.pricePerGpuHourUsd(), c, utilisation, 1);
      BoundedFigure perToken = perMillionTokens(d, price, demand, utilisation);
      BoundedFigure saving = null;
      String basis = "";
      if (!d.id().equals(baseline.id())) {
        saving =
            saving(
                perToken, basePerToken, c.lowerBoundOnly(), baseline.capacity().lowerBoundOnly());
        basis =
            Math.abs(tokens - baseTokens) < TokenLengths.SAME_TOKENS
                ? "per request, both at " + fmt(tokens) + " tokens"
                : "per token, " + fmt(tokens) + " vs " + fmt(baseTokens) + " tokens: linear";
      }
      rows.add(
          new UnitCost(
              d.id(),
              d.model().name(),
              SharedGpuPrices.physicalGpu(d.gpu()),
              price.label() + " " + usd(price.pricePerGpuHourUsd()) + "/h",
              price.pricePerGpuHourUsd(),
              c.requestsPerSecPerReplica(),
              c.minRequestsPerSecPerReplica(),
              c.maxRequestsPerSecPerReplica(),
              c.repeats(),
              c.lowerBoundOnly(),
              c.provenance(),
              tokens,
              c.tokensPerInput() != null,
              tokensPerRequest,
              utilisation,
              perRequest,
              perToken,
              saving,
              basis));
    }
    return rows;
  }

  private static BoundedFigure perMillionTokens(
      Deployment d, GpuPrice price, Demand demand, double utilisation) {
    return perMillion(
        price.pricePerGpuHourUsd(),
        d.capacity(),
        utilisation,
        TokenLengths.tokensOf(d.capacity(), demand) * demand.inputsPerRequest());
  }

  /**
   * price / (capacity × 3600 × utilisation) × 10⁶ / unitsPerRequest; an upper bound from a
   * lower-bound capacity.
   */
  static BoundedFigure perMillion(
      double pricePerHourUsd, Capacity c, double utilisation, double unitsPerRequest) {
    double perSecond = pricePerHourUsd / 3600 / utilisation * 1e6 / unitsPerRequest;
    double value = perSecond / c.requestsPerSecPerReplica();
    double low = perSecond / c.maxRequestsPerSecPerReplica();
    double high = perSecond / c.minRequestsPerSecPerReplica();
    return c.lowerBoundOnly()
        ? new BoundedFigure(value, low, high, BoundKind.AT_MOST, "its capacity is a lower bound")
        : new BoundedFigure(value, low, high, BoundKind.EXACT, "");
  }

  /** 1 − cost / baseline cost, with its range and what the bounds allow. */
  static BoundedFigure saving(
      BoundedFigure cost, BoundedFigure baseline, boolean lowerBound, boolean baselineLowerBound) {
    if (baselineLowerBound) {
      return BoundedFigure.unknown(
          "the baseline's capacity is a lower bound: its unit cost may be lower still");
    }
    double value = 1 - cost.value() / baseline.value();
    double low = 1 - cost.high() / baseline.low();
    double high = 1 - cost.low() / baseline.high();
    return lowerBound
        ? new BoundedFigure(value, low, high, BoundKind.AT_LEAST, "its capacity is a lower bound")
        : new BoundedFigure(value, low, high, BoundKind.EXACT, "");
  }
}
