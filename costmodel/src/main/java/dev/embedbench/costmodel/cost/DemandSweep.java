package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-instance fleet from 1/100 to 100× the scenario's demand, and the break-even demands
 * where rounding to whole instances changes the sign of a saving.
 */
final class DemandSweep {

  private DemandSweep() {}

  static DemandCurve curve(Scenario scenario, Map<String, GpuPrice> prices) {
    Map<String, Capacity> capacities = new LinkedHashMap<>();
    for (Deployment d : scenario.deployments()) {
      capacities.put(
          d.id(),
          TokenLengths.atDemandTokens(d, scenario.demand(), scenario.policy().tokenRescale()));
    }
    List<DemandPoint> points = new ArrayList<>();
    int span = DemandCurve.DECADES * DemandCurve.STEPS_PER_DECADE;
    for (int k = -span; k <= span; k++) {
      points.add(
          point(
              scenario,
              prices,
              capacities,
              Math.pow(10, k / (double) DemandCurve.STEPS_PER_DECADE)));
    }
    List<BreakEven> breakEvens = new ArrayList<>();
    for (String id : capacities.keySet()) {
      if (id.equals(scenario.baselineId())) {
        continue;
      }
      // Fine scan, then bisection on each change of sign: fleets change only at whole-instance
      // steps.
      int fine = span * 40;
      double lastM = Math.pow(10, -DemandCurve.DECADES);
      int lastSign = sign(point(scenario, prices, capacities, lastM), id);
      for (int k = -fine + 1; k <= fine; k++) {
        double m = Math.pow(10, DemandCurve.DECADES * k / (double) fine);
        int s = sign(point(scenario, prices, capacities, m), id);
        if (s != lastSign) {
          double lo = lastM;
          double hi = m;
          while (hi / lo > 1.0001) {
            double mid = Math.sqrt(lo * hi);
            if (sign(point(scenario, prices, capacities, mid), id) == lastSign) {
              lo = mid;
            } else {
              hi = mid;
            }
          }
          breakEvens.add(
              new BreakEven(
                  id,
                  hi * scenario.demand().requestsPerDay(),
                  point(scenario, prices, capacities, lo).savingPercentById().get(id),
                  point(scenario, prices, capacities, hi).savingPercentById().get(id)));
          lastSign = s;
        }
        lastM = m;
      }
    }
    return new DemandCurve(points, breakEvens);
  }

  private static int sign(DemandPoint point, String id) {
    double saving = point.savingPercentById().get(id);
    return Math.abs(saving) < 1e-9 ? 0 : (int) Math.signum(saving);
  }

  private static DemandPoint point(
      Scenario scenario,
      Map<String, GpuPrice> prices,
      Map<String, Capacity> capacities,
      double multiplier) {
    Demand demand = scenario.demand().scaled(multiplier, 1);
    Map<String, Integer> replicas = new LinkedHashMap<>();
    Map<String, Double> years = new LinkedHashMap<>();
    capacities.forEach(
        (id, c) -> {
          WholeInstanceFleet fleet = WholeInstanceFleet.of(c, demand, scenario.policy());
          replicas.put(id, fleet.peakReplicas());
          years.put(id, fleet.usdPerYear(prices.get(id).pricePerGpuHourUsd()));
        });
    double base = years.get(scenario.baselineId());
    Map<String, Double> savings = new LinkedHashMap<>();
    years.forEach((id, year) -> savings.put(id, (base - year) / base * 100));
    return new DemandPoint(multiplier, demand.requestsPerDay(), replicas, years, savings);
  }
}
