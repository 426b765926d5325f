package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.QualityScore;
import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.Policy;
import dev.embedbench.costmodel.scenario.Scaling;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.TokenRescale;
import java.math.BigDecimal;
import java.math.MathContext;
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
 * <p>The headline is the unit cost at capacity ({@link UnitCost}). Beside it, the whole-instance
 * fleet: a replica is planned to carry {@code capacity × targetUtilisation} requests/s; replicas in
 * an hour = {@code max(minReplicas, ceil(rate / planned))}. A fixed fleet runs the peak hour's
 * replicas all day; an hourly fleet follows the profile. Dollars = GPU-hours × price per GPU-hour;
 * a year is 365 days.
 *
 * <p>One price per GPU: every deployment on a GPU (or on a catalog entry that borrows that GPU's
 * specs, such as the article's unnamed $0.95 instance) is priced at the price of the first
 * deployment on it, the baseline's first.
 */
public final class CostModel {

  public static final double DAYS_PER_YEAR = 365;
  public static final double SENSITIVITY_LOW = 0.5;
  public static final double SENSITIVITY_HIGH = 1.5;
  public static final double SAVINGS_SHIFT_FLAG_POINTS = 10;

  /** The demand curve spans 10^(±CURVE_DECADES) times the scenario's demand. */
  public static final int CURVE_DECADES = 2;

  /** Curve points per decade. */
  public static final int CURVE_STEPS_PER_DECADE = 10;

  /** Token lengths closer than this are the same length (a measured mean is not a whole number). */
  static final double SAME_TOKENS = 0.5;

  private CostModel() {}

  /**
   * The full report: unit costs, every deployment's fleet, the demand curve and the sensitivity
   * cases.
   */
  public static CostReport evaluate(Scenario scenario) {
    Map<String, GpuPrice> prices = sharedPrices(scenario);
    List<DeploymentCost> rows = price(scenario, prices, Map.of());
    List<String> ranking = cheapestFirst(rows);
    List<SensitivityCase> sensitivity = sensitivity(scenario, prices, rows, ranking);
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
        unitCosts(scenario, prices),
        gpuPriceNotes(scenario, prices),
        rows,
        demandCurve(scenario, prices),
        ranking,
        sensitivity,
        warnings(scenario, rows));
  }

  /** The GPU a catalog entry stands for: the one whose specs it borrows, else itself. */
  static String physicalGpu(GpuSpec gpu) {
    return gpu.specsAssumedFrom() != null ? gpu.specsAssumedFrom() : gpu.id();
  }

  /** Deployment id to the one price of its GPU in this scenario. */
  static Map<String, GpuPrice> sharedPrices(Scenario scenario) {
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
  private static List<String> gpuPriceNotes(Scenario scenario, Map<String, GpuPrice> prices) {
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

  /**
   * The capacity at the demand's token length: as it is when the lengths agree or the capacity
   * states none; rescaled by the policy's rule, and labelled, when they differ; refused when the
   * rule is none.
   */
  public static Capacity atDemandTokens(Deployment d, Demand demand, TokenRescale rule) {
    Capacity c = d.capacity();
    Double tokens = c.tokensPerInput();
    if (tokens == null || Math.abs(tokens - demand.tokensPerInput()) < SAME_TOKENS) {
      return c;
    }
    if (rule == TokenRescale.NONE) {
      throw new IllegalArgumentException(
          d.id()
              + ": its capacity holds at "
              + fmt(tokens)
              + " tokens per input but the demand is priced at "
              + demand.tokensPerInput()
              + " tokens per input; measure it at "
              + demand.tokensPerInput()
              + " tokens, or set policy.tokenRescale:"
              + " linear ("
              + TokenRescale.LINEAR.rule()
              + ")");
    }
    return c.scaled(
            tokens / demand.tokensPerInput(), rescaleLabel(tokens, demand.tokensPerInput(), rule))
        .atTokens((double) demand.tokensPerInput());
  }

  /**
   * {@code rescaled 128→32 tokens (linear: ...)}: printed beside every figure that used a rescaled
   * capacity.
   */
  public static String rescaleLabel(double from, double to, TokenRescale rule) {
    return "rescaled "
        + fmt(from)
        + "→"
        + fmt(to)
        + " tokens ("
        + rule.label()
        + ": "
        + rule.rule()
        + ")";
  }

  /**
   * Prices each deployment; {@code priceFactors} multiplies the price of the deployments it names.
   */
  static List<DeploymentCost> price(
      Scenario scenario, Map<String, GpuPrice> prices, Map<String, Double> priceFactors) {
    Map<String, Capacity> capacities = new HashMap<>();
    Map<String, double[]> fleet = new HashMap<>();
    for (Deployment d : scenario.deployments()) {
      Capacity c = atDemandTokens(d, scenario.demand(), scenario.policy().tokenRescale());
      capacities.put(d.id(), c);
      fleet.put(d.id(), fleet(c, scenario.demand(), scenario.policy()));
    }
    Deployment baseline = scenario.deployment(scenario.baselineId()).orElseThrow();
    double baselineYear =
        usdPerYear(
            fleet.get(baseline.id())[1],
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
              fleet.get(d.id()),
              baselineYear,
              baselineQuality));
    }
    return rows;
  }

  /** {replicas in the busiest hour, GPU-hours per day}. */
  static double[] fleet(Capacity capacity, Demand demand, Policy policy) {
    double planned = capacity.requestsPerSecPerReplica() * policy.targetUtilisation();
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

  /**
   * {@code max(minReplicas, ceil(rate / planned))}, forgiving float noise just above a whole
   * number.
   */
  public static int replicas(double requestsPerSec, double plannedPerReplica, int minReplicas) {
    double needed = requestsPerSec / plannedPerReplica;
    return Math.max(minReplicas, (int) Math.ceil(needed - 1e-9));
  }

  static double usdPerYear(double gpuHoursPerDay, double pricePerGpuHourUsd) {
    return gpuHoursPerDay * pricePerGpuHourUsd * DAYS_PER_YEAR;
  }

  private static DeploymentCost row(
      Scenario scenario,
      Deployment d,
      Capacity capacity,
      GpuPrice price,
      double priceUsd,
      double[] fleet,
      double baselineYear,
      Optional<QualityScore> baselineQuality) {
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
        d.gpu().id(),
        price.label(),
        price.source().label(),
        priceUsd,
        capacity.requestsPerSecPerReplica(),
        provenance(d.capacity(), capacity, demand),
        capacity.kind().label(),
        capacity.basis(),
        capacity.source(),
        capacity.lowerBoundOnly(),
        capacity.requestsPerSecPerReplica() * scenario.policy().targetUtilisation(),
        demand.peakRequestsPerSec(),
        (int) fleet[0],
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

  /** The capacity's label, with the token rescaling when one was applied. */
  private static String provenance(Capacity original, Capacity used, Demand demand) {
    if (original.tokensPerInput() == null || used.equals(original)) {
      return original.provenance();
    }
    return original.provenance()
        + ", rescaled "
        + fmt(original.tokensPerInput())
        + "→"
        + demand.tokensPerInput()
        + " tokens (linear)";
  }

  /**
   * Per deployment: {@code price / (capacity × 3600 × utilisation) × 10⁶} per million requests, ÷
   * tokens per request per million tokens, at the capacity's own token length; the saving is 1 −
   * the ratio to the baseline's, per request at equal lengths, per token across lengths (labelled
   * as such).
   */
  static List<UnitCost> unitCosts(Scenario scenario, Map<String, GpuPrice> prices) {
    Demand demand = scenario.demand();
    double utilisation = scenario.policy().targetUtilisation();
    Deployment baseline = scenario.deployment(scenario.baselineId()).orElseThrow();
    double baseTokens = tokensOf(baseline.capacity(), demand);
    BoundedFigure basePerToken =
        unitCostPerToken(baseline, prices.get(baseline.id()), demand, utilisation);
    List<UnitCost> rows = new ArrayList<>();
    for (Deployment d : scenario.deployments()) {
      Capacity c = d.capacity();
      GpuPrice price = prices.get(d.id());
      double tokens = tokensOf(c, demand);
      double tokensPerRequest = tokens * demand.inputsPerRequest();
      BoundedFigure perRequest = perMillion(price.pricePerGpuHourUsd(), c, utilisation, 1);
      BoundedFigure perToken = unitCostPerToken(d, price, demand, utilisation);
      BoundedFigure saving = null;
      String basis = "";
      if (!d.id().equals(baseline.id())) {
        saving =
            saving(
                perToken, basePerToken, c.lowerBoundOnly(), baseline.capacity().lowerBoundOnly());
        basis =
            Math.abs(tokens - baseTokens) < SAME_TOKENS
                ? "per request, both at " + fmt(tokens) + " tokens"
                : "per token, " + fmt(tokens) + " vs " + fmt(baseTokens) + " tokens: linear";
      }
      rows.add(
          new UnitCost(
              d.id(),
              d.model().name(),
              d.gpu().id(),
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

  private static double tokensOf(Capacity c, Demand demand) {
    return c.tokensPerInput() != null ? c.tokensPerInput() : demand.tokensPerInput();
  }

  private static BoundedFigure unitCostPerToken(
      Deployment d, GpuPrice price, Demand demand, double utilisation) {
    return perMillion(
        price.pricePerGpuHourUsd(),
        d.capacity(),
        utilisation,
        tokensOf(d.capacity(), demand) * demand.inputsPerRequest());
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

  /**
   * The whole-instance fleet from 1/100 to 100× the scenario's demand, and where savings change
   * sign.
   */
  static DemandCurve demandCurve(Scenario scenario, Map<String, GpuPrice> prices) {
    Map<String, Capacity> capacities = new LinkedHashMap<>();
    for (Deployment d : scenario.deployments()) {
      capacities.put(
          d.id(), atDemandTokens(d, scenario.demand(), scenario.policy().tokenRescale()));
    }
    List<DemandPoint> points = new ArrayList<>();
    int span = CURVE_DECADES * CURVE_STEPS_PER_DECADE;
    for (int k = -span; k <= span; k++) {
      points.add(
          point(scenario, prices, capacities, Math.pow(10, k / (double) CURVE_STEPS_PER_DECADE)));
    }
    List<BreakEven> breakEvens = new ArrayList<>();
    for (String id : capacities.keySet()) {
      if (id.equals(scenario.baselineId())) {
        continue;
      }
      // Fine scan, then bisection on each change of sign: fleets change only at whole-instance
      // steps.
      int fine = span * 40;
      double lastM = Math.pow(10, -CURVE_DECADES);
      int lastSign = sign(point(scenario, prices, capacities, lastM), id);
      for (int k = -fine + 1; k <= fine; k++) {
        double m = Math.pow(10, CURVE_DECADES * k / (double) fine);
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
          double[] fleet = fleet(c, demand, scenario.policy());
          replicas.put(id, (int) fleet[0]);
          years.put(id, usdPerYear(fleet[1], prices.get(id).pricePerGpuHourUsd()));
        });
    double base = years.get(scenario.baselineId());
    Map<String, Double> savings = new LinkedHashMap<>();
    years.forEach((id, year) -> savings.put(id, (base - year) / base * 100));
    return new DemandPoint(multiplier, demand.requestsPerDay(), replicas, years, savings);
  }

  static List<String> cheapestFirst(List<DeploymentCost> rows) {
    return rows.stream()
        .sorted(
            Comparator.comparingDouble(DeploymentCost::usdPerYear)
                .thenComparing(DeploymentCost::deploymentId))
        .map(DeploymentCost::deploymentId)
        .toList();
  }

  /**
   * Each input ×0.5 and ×1.5, one at a time: the price of each GPU (moving every deployment on it
   * together), each capacity, the demand's volume, peak factor and tokens per input (every capacity
   * rescaled linearly to the new length), and the target utilisation (at most 1).
   */
  private static List<SensitivityCase> sensitivity(
      Scenario scenario,
      Map<String, GpuPrice> prices,
      List<DeploymentCost> base,
      List<String> baseRanking) {
    List<SensitivityCase> cases = new ArrayList<>();
    Map<GpuPrice, List<String>> byPrice = new LinkedHashMap<>();
    prices.forEach((id, price) -> byPrice.computeIfAbsent(price, k -> new ArrayList<>()).add(id));
    for (double m : new double[] {SENSITIVITY_LOW, SENSITIVITY_HIGH}) {
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
                    price(scenario, prices, factors)));
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
                price(scenario.withDeployments(moved, scenario.baselineId()), prices, Map.of())));
      }
      cases.add(
          compare(
              "volume",
              "all",
              m,
              base,
              baseRanking,
              price(scenario.withDemand(scenario.demand().scaled(m, 1)), prices, Map.of())));
      if (!scenario.demand().hasHourlyProfile()) {
        cases.add(
            compare(
                "peakToAverage",
                "all",
                m,
                base,
                baseRanking,
                price(scenario.withDemand(scenario.demand().scaled(1, m)), prices, Map.of())));
      }
      cases.add(
          compare(
              "tokensPerInput",
              "all (capacities rescaled linearly)",
              m,
              base,
              baseRanking,
              price(withTokens(scenario, m), prices, Map.of())));
      double utilisation = Math.min(1, scenario.policy().targetUtilisation() * m);
      if (utilisation != scenario.policy().targetUtilisation()) {
        cases.add(
            compare(
                "targetUtilisation",
                "all (" + fmt(utilisation * 100) + "%)",
                m,
                base,
                baseRanking,
                price(
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
    List<String> ranking = cheapestFirst(moved);
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

  private static List<String> warnings(Scenario scenario, List<DeploymentCost> rows) {
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

  static String fmt(double v) {
    return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String usd(double v) {
    return "$" + fmt(v);
  }
}
