package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.catalog.QualityScore;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Policy;
import dev.embedbench.costmodel.scenario.Scaling;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a scenario.
 *
 * <p>Per deployment: a replica is planned to carry {@code capacity × targetUtilisation} requests/s;
 * replicas in an hour = {@code max(minReplicas, ceil(rate / planned))}. A fixed fleet runs the peak
 * hour's replicas all day; an hourly fleet follows the profile. Dollars = GPU-hours × price per GPU-hour;
 * a year is 365 days.
 */
public final class CostModel {

  public static final double DAYS_PER_YEAR = 365;
  public static final double SENSITIVITY_LOW = 0.5;
  public static final double SENSITIVITY_HIGH = 1.5;
  public static final double SAVINGS_SHIFT_FLAG_POINTS = 10;

  private CostModel() {}

  /** The full report: every deployment priced, and the ±50% sensitivity cases. */
  public static CostReport evaluate(Scenario scenario) {
    List<DeploymentCost> rows = price(scenario, Map.of());
    List<String> ranking = cheapestFirst(rows);
    List<SensitivityCase> sensitivity = sensitivity(scenario, rows, ranking);
    Demand d = scenario.demand();
    Policy p = scenario.policy();
    return new CostReport(scenario.name(), scenario.file(), d.requestsPerDay(), d.peakToAverage(),
        d.averageRequestsPerSec(), d.peakRequestsPerSec(), d.inputsPerRequest(), d.tokensPerInput(),
        d.tokensPerDay(), p.targetUtilisation(), p.minReplicas(), p.scaling().label(), p.slo().label(),
        scenario.baselineId(), scenario.qualityBenchmark(), rows, ranking, sensitivity,
        warnings(scenario, rows));
  }

  /** Prices each deployment; {@code priceFactors} multiplies the price of the deployments it names. */
  static List<DeploymentCost> price(Scenario scenario, Map<String, Double> priceFactors) {
    Map<String, double[]> fleet = new HashMap<>();
    for (Deployment d : scenario.deployments()) {
      fleet.put(d.id(), fleet(d, scenario.demand(), scenario.policy()));
    }
    Deployment baseline = scenario.deployment(scenario.baselineId()).orElseThrow();
    double baselineYear = usdPerYear(fleet.get(baseline.id())[1],
        baseline.price().pricePerGpuHourUsd() * priceFactors.getOrDefault(baseline.id(), 1.0));
    Optional<QualityScore> baselineQuality = baseline.model().quality(scenario.qualityBenchmark());
    List<DeploymentCost> rows = new ArrayList<>();
    for (Deployment d : scenario.deployments()) {
      double priceUsd = d.price().pricePerGpuHourUsd() * priceFactors.getOrDefault(d.id(), 1.0);
      rows.add(row(scenario, d, priceUsd, fleet.get(d.id()), baselineYear, baselineQuality));
    }
    return rows;
  }

  /** {replicas in the busiest hour, GPU-hours per day}. */
  static double[] fleet(Deployment d, Demand demand, Policy policy) {
    double planned = d.capacity().requestsPerSecPerReplica() * policy.targetUtilisation();
    if (policy.scaling() == Scaling.FIXED) {
      int replicas = replicas(demand.peakRequestsPerSec(), planned, policy.minReplicas());
      return new double[] {replicas, replicas * (double) Demand.HOURS_PER_DAY};
    }
    int peak = 0;
    double gpuHours = 0;
    for (int h = 0; h < Demand.HOURS_PER_DAY; h++) {
      int replicas = replicas(demand.requestsPerSecInHour(h), planned, policy.minReplicas());
      peak = Math.max(peak, replicas);
      gpuHours += replicas;
    }
    return new double[] {peak, gpuHours};
  }

  /** {@code max(minReplicas, ceil(rate / planned))}, forgiving float noise just above a whole number. */
  public static int replicas(double requestsPerSec, double plannedPerReplica, int minReplicas) {
    double needed = requestsPerSec / plannedPerReplica;
    return Math.max(minReplicas, (int) Math.ceil(needed - 1e-9));
  }

  static double usdPerYear(double gpuHoursPerDay, double pricePerGpuHourUsd) {
    return gpuHoursPerDay * pricePerGpuHourUsd * DAYS_PER_YEAR;
  }

  private static DeploymentCost row(Scenario scenario, Deployment d, double priceUsd, double[] fleet,
      double baselineYear, Optional<QualityScore> baselineQuality) {
    Demand demand = scenario.demand();
    double gpuHoursPerDay = fleet[1];
    double usdPerDay = gpuHoursPerDay * priceUsd;
    double usdPerYear = usdPerDay * DAYS_PER_YEAR;
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
    double rooflineYear = demand.tokensPerDay() * DAYS_PER_YEAR / 1e6 * rooflinePerMillionTokens;
    double mfu = d.capacity().requestsPerSecPerReplica() * demand.tokensPerRequest() * flopsPerToken
        / peakFlops * 100;

    return new DeploymentCost(d.id(), d.model().id(), d.model().name(), d.gpu().id(),
        d.price().label(), d.price().source().label(), priceUsd,
        d.capacity().requestsPerSecPerReplica(), d.capacity().provenance(),
        d.capacity().kind().label(), d.capacity().basis(),
        d.capacity().source(),
        d.capacity().requestsPerSecPerReplica() * scenario.policy().targetUtilisation(),
        demand.peakRequestsPerSec(), (int) fleet[0], gpuHoursPerDay, usdPerDay / 24, usdPerYear,
        usdPerMillionRequests, usdPerMillionTokens, savings, scenario.qualityBenchmark(), score,
        perPoint, marginal, flopsPerToken, rooflinePerMillionTokens, rooflineYear,
        usdPerYear / rooflineYear, mfu, d.model().weightsGb(),
        d.model().weightsGb() <= d.gpu().memoryGb());
  }

  static List<String> cheapestFirst(List<DeploymentCost> rows) {
    return rows.stream().sorted(Comparator.comparingDouble(DeploymentCost::usdPerYear)
        .thenComparing(DeploymentCost::deploymentId)).map(DeploymentCost::deploymentId).toList();
  }

  private static List<SensitivityCase> sensitivity(Scenario scenario, List<DeploymentCost> base,
      List<String> baseRanking) {
    List<SensitivityCase> cases = new ArrayList<>();
    for (double m : new double[] {SENSITIVITY_LOW, SENSITIVITY_HIGH}) {
      for (Deployment d : scenario.deployments()) {
        cases.add(compare("price", d.id(), m, base, baseRanking, price(scenario, Map.of(d.id(), m))));
      }
      for (Deployment d : scenario.deployments()) {
        List<Deployment> moved = scenario.deployments().stream()
            .map(x -> x.id().equals(d.id()) ? x.withCapacity(x.capacity().scaled(m)) : x).toList();
        cases.add(compare("capacity", d.id(), m, base, baseRanking,
            price(scenario.withDeployments(moved, scenario.baselineId()), Map.of())));
      }
      cases.add(compare("volume", "all", m, base, baseRanking,
          price(scenario.withDemand(scenario.demand().scaled(m, 1)), Map.of())));
      if (!scenario.demand().hasHourlyProfile()) {
        cases.add(compare("peakToAverage", "all", m, base, baseRanking,
            price(scenario.withDemand(scenario.demand().scaled(1, m)), Map.of())));
      }
    }
    return cases;
  }

  private static SensitivityCase compare(String factor, String target, double multiplier,
      List<DeploymentCost> base, List<String> baseRanking, List<DeploymentCost> moved) {
    List<String> ranking = cheapestFirst(moved);
    Map<String, Double> savings = new LinkedHashMap<>();
    double maxShift = 0;
    for (int i = 0; i < moved.size(); i++) {
      savings.put(moved.get(i).deploymentId(), moved.get(i).savingsVsBaselinePercent());
      maxShift = Math.max(maxShift,
          Math.abs(moved.get(i).savingsVsBaselinePercent() - base.get(i).savingsVsBaselinePercent()));
    }
    boolean rankingChanged = !ranking.equals(baseRanking);
    return new SensitivityCase(factor, target, multiplier, ranking, savings, rankingChanged, maxShift,
        rankingChanged || maxShift > SAVINGS_SHIFT_FLAG_POINTS);
  }

  private static List<String> warnings(Scenario scenario, List<DeploymentCost> rows) {
    List<String> warnings = new ArrayList<>();
    for (DeploymentCost row : rows) {
      if (!row.fitsInGpuMemory()) {
        warnings.add(row.deploymentId() + ": " + row.modelName() + " weights ("
            + String.format("%.1f", row.weightsGb()) + " GB) exceed " + row.gpuId() + " memory");
      }
      if (row.impliedMfuAtCapacityPercent() > 100) {
        warnings.add(row.deploymentId() + ": capacity implies " + String.format("%.0f",
            row.impliedMfuAtCapacityPercent()) + "% of the GPU's peak FLOP/s, which is impossible");
      }
    }
    long provenances = rows.stream().map(DeploymentCost::capacityProvenance).distinct().count();
    if (provenances > 1) {
      warnings.add("capacities of different provenance are compared: "
          + rows.stream().map(r -> r.deploymentId() + " " + r.capacityProvenance()).toList());
    }
    scenario.deployments().stream().filter(d -> d.gpu().specsAssumedFrom() != null).findFirst()
        .ifPresent(d -> warnings.add(d.gpu().id() + ": roofline uses the specs of "
            + d.gpu().specsAssumedFrom() + ", assumed (the catalog entry names only a price)"));
    return warnings;
  }
}
