package dev.embedbench.costmodel.audit;

import dev.embedbench.costmodel.catalog.GpuCatalog;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.ModelCatalog;
import dev.embedbench.costmodel.catalog.ModelSpec;
import dev.embedbench.costmodel.catalog.QualityScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Derives every figure of an {@link ArticleClaims} that its own inputs (and the catalogs) allow in
 * more than one way, and judges each claimed figure against each derivation.
 *
 * <p>Money and rates are judged by relative difference against {@link
 * ArticleClaims#tolerancePercent}; published scores by their printed precision; parameters, memory
 * and dimensions against the catalogs.
 */
public final class ClaimAudit {

  private static final double HOURS_PER_YEAR = 8760;
  private static final double SECONDS_PER_DAY = 86_400;
  private static final double DAYS_PER_YEAR = 365;

  /** Scores are printed to two decimals: anything further apart is another number. */
  private static final double SCORE_TOLERANCE_POINTS = 0.005;

  /** The benchmark of the article's "MTEB Chinese subset". */
  private static final String CHINESE_BENCHMARK = "cmteb";

  private static final double FLOAT32_BYTES = 4;

  private final ModelCatalog models;
  private final GpuCatalog gpus;

  public ClaimAudit(ModelCatalog models, GpuCatalog gpus) {
    this.models = models;
    this.gpus = gpus;
  }

  public List<AuditFinding> audit(ArticleClaims c) {
    List<AuditFinding> out = new ArrayList<>();
    Judge judge = new Judge(c.tolerancePercent());
    for (ClaimedModel m : c.models()) {
      costPerRequestFromLatency(c, m, judge, out);
    }
    for (ClaimedModel m : List.of(c.baseline(), c.candidate())) {
      annualCosts(c, m, judge, out);
    }
    savings(c, judge, out);
    reproduction(c, judge, out);
    utilisation(c, judge, out);
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    double speedup = b.meanLatencyMillis() / k.meanLatencyMillis();
    out.add(
        judge.directional(
            "speedup.latency",
            "response-time speed-up",
            "about " + n(c.speedupFactor()) + "x faster",
            c.speedupFactor(),
            n(b.meanLatencyMillis()) + " ms / " + n(k.meanLatencyMillis()) + " ms",
            speedup,
            "x",
            speedup > c.speedupFactor()
                ? "the table's own mean latencies give "
                    + n(speedup)
                    + "x: the article understates its own speed-up"
                : "the table's own mean latencies"));
    c.throughputClaim().ifPresent(t -> throughput(c, t, judge, out));
    c.throughputClaim().ifPresent(t -> impliedCompute(c, t, judge, out));
    quality(c, judge, out);
    for (ClaimedModel m : c.models()) {
      parameters(m, judge, out);
      memory(m, out);
    }
    dimensions(c, out);
    likeForLike(c, judge, out);
    return out;
  }

  private void costPerRequestFromLatency(
      ArticleClaims c, ClaimedModel m, Judge judge, List<AuditFinding> out) {
    double perSecUsd = c.hourlyPriceUsd() / 3600;
    double derived = perSecUsd * m.meanLatencyMillis() / 1000;
    double impliedRate = perSecUsd / m.costPerRequestUsd();
    out.add(
        judge.relative(
            "cost-per-request." + m.modelId() + ".latency",
            name(m) + " cost per request from latency and price",
            "$" + n(m.costPerRequestUsd()) + " per request at $" + n(c.hourlyPriceUsd()) + "/h",
            m.costPerRequestUsd(),
            "$"
                + n(c.hourlyPriceUsd())
                + "/h / 3600 s × "
                + n(m.meanLatencyMillis())
                + " ms (one request at a time, GPU always busy)",
            derived,
            "USD",
            "the stated cost implies "
                + n(impliedRate)
                + " requests/s per instance; the stated latency "
                + "allows "
                + n(1000 / m.meanLatencyMillis())
                + " requests/s even one at a time"));
  }

  private void annualCosts(ArticleClaims c, ClaimedModel m, Judge judge, List<AuditFinding> out) {
    double annual = m.annualCostUsd();
    double perRequest = m.costPerRequestUsd() * c.requestsPerDay() * DAYS_PER_YEAR;
    out.add(
        judge.relative(
            "annual." + m.modelId() + ".per-request",
            name(m) + " annual cost from cost per request × volume",
            "about $" + n(annual) + " per year",
            annual,
            "$" + n(m.costPerRequestUsd()) + " × " + n(c.requestsPerDay()) + " requests/day × 365",
            perRequest,
            "USD/year",
            "ratio derived/claimed = " + n(perRequest / annual)));
    double busyGpus = c.requestsPerDay() / SECONDS_PER_DAY * m.meanLatencyMillis() / 1000;
    double perInstanceYear = c.hourlyPriceUsd() * HOURS_PER_YEAR;
    out.add(
        judge.relative(
            "annual." + m.modelId() + ".gpu-time",
            name(m) + " annual cost from GPU-time per request",
            "about $" + n(annual) + " per year",
            annual,
            n(c.requestsPerDay())
                + "/86400 requests/s × "
                + n(m.meanLatencyMillis())
                + " ms = "
                + n(busyGpus)
                + " busy GPUs × $"
                + n(c.hourlyPriceUsd())
                + "/h × 8760 h",
            busyGpus * perInstanceYear,
            "USD/year",
            "serial requests at the stated mean latency, instances billed fractionally"));
    int instances = (int) Math.ceil(busyGpus - 1e-9);
    out.add(
        judge.relative(
            "annual." + m.modelId() + ".whole-instances",
            name(m) + " annual cost as whole always-on instances",
            "about $" + n(annual) + " per year",
            annual,
            "ceil("
                + n(busyGpus)
                + ") = "
                + instances
                + " instances × $"
                + n(c.hourlyPriceUsd())
                + "/h × 8760 h",
            instances * perInstanceYear,
            "USD/year",
            "the claimed figure pays for "
                + n(annual / perInstanceYear)
                + " instances at $"
                + n(c.hourlyPriceUsd())
                + "/h all year"));
  }

  private void savings(ArticleClaims c, Judge judge, List<AuditFinding> out) {
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    String claim = n(c.savingsPercent()) + "% saving";
    out.add(
        judge.relative(
            "savings.annual",
            "savings from the stated annual costs",
            claim,
            c.savingsPercent(),
            "1 - $" + n(k.annualCostUsd()) + " / $" + n(b.annualCostUsd()),
            saving(k.annualCostUsd(), b.annualCostUsd()),
            "%",
            "the route the article takes"));
    out.add(
        judge.relative(
            "savings.per-request",
            "savings from the stated costs per request",
            claim,
            c.savingsPercent(),
            "1 - $" + n(k.costPerRequestUsd()) + " / $" + n(b.costPerRequestUsd()),
            saving(k.costPerRequestUsd(), b.costPerRequestUsd()),
            "%",
            "same price, same volume: cost scales with cost per request"));
    out.add(
        judge.relative(
            "savings.latency",
            "savings from GPU-time per request (mean latency)",
            claim,
            c.savingsPercent(),
            "1 - " + n(k.meanLatencyMillis()) + " ms / " + n(b.meanLatencyMillis()) + " ms",
            saving(k.meanLatencyMillis(), b.meanLatencyMillis()),
            "%",
            "requests served one at a time on identical instances"));
    double perSec = c.requestsPerDay() / SECONDS_PER_DAY;
    int kInstances = (int) Math.ceil(perSec * k.meanLatencyMillis() / 1000 - 1e-9);
    int bInstances = (int) Math.ceil(perSec * b.meanLatencyMillis() / 1000 - 1e-9);
    out.add(
        judge.relative(
            "savings.whole-instances",
            "savings with whole always-on instances",
            claim,
            c.savingsPercent(),
            "1 - " + kInstances + " / " + bInstances + " instances",
            saving(kInstances, bInstances),
            "%",
            n(perSec) + " requests/s at the stated mean latencies, one request at a time"));
    if (c.baselineUtilisationPercent() != null) {
      double derived = saving(c.candidateUtilisationPercent(), c.baselineUtilisationPercent());
      // The arithmetic lands near the claim, but the article's own note (section 5.3) says the
      // freed GPU
      // time went to other AI tasks: the fleet was kept, so this saving never reached the bill.
      out.add(
          new AuditFinding(
              "savings.utilisation",
              "savings from the GPU utilisation drop",
              claim,
              c.savingsPercent(),
              "1 - "
                  + n(c.candidateUtilisationPercent())
                  + "% / "
                  + n(c.baselineUtilisationPercent())
                  + "%",
              derived,
              "%",
              pct(derived, c.savingsPercent()),
              "a saving only if the fleet shrank",
              Verdict.CONTRADICTED,
              "the arithmetic gives "
                  + n(derived)
                  + "%, but only if the fleet shrank in proportion; the article's"
                  + " own note (section 5.3: 'freeing resources for other AI tasks') says the freed GPU time went to"
                  + " other work, i.e. the fleet was kept and this saving never reached the bill"));
    }
  }

  /** The assumptions under which the claimed saving holds exactly, and what they contradict. */
  private void reproduction(ArticleClaims c, Judge judge, List<AuditFinding> out) {
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    double impliedVolume = b.annualCostUsd() / (DAYS_PER_YEAR * b.costPerRequestUsd());
    out.add(
        judge.relative(
            "reproduce.volume",
            "volume under which " + name(b) + "'s annual cost follows from its cost per request",
            n(c.requestsPerDay()) + " requests/day",
            c.requestsPerDay(),
            "$" + n(b.annualCostUsd()) + " / 365 / $" + n(b.costPerRequestUsd()),
            impliedVolume,
            "requests/day",
            "the baseline's annual figure holds at this volume"));
    double requiredCost = b.costPerRequestUsd() * (1 - c.savingsPercent() / 100);
    out.add(
        judge.relative(
            "reproduce.candidate-cost",
            "cost per request under which " + n(c.savingsPercent()) + "% holds",
            "$" + n(k.costPerRequestUsd()) + " per request for " + name(k),
            k.costPerRequestUsd(),
            "$" + n(b.costPerRequestUsd()) + " × (1 - " + n(c.savingsPercent()) + "%)",
            requiredCost,
            "USD",
            "the claimed saving holds if "
                + name(k)
                + " costs this per request, i.e. serves "
                + n(b.costPerRequestUsd() / requiredCost)
                + "x the baseline's requests per GPU-second; "
                + "that contradicts its stated $"
                + n(k.costPerRequestUsd())
                + " ("
                + n(b.costPerRequestUsd() / k.costPerRequestUsd())
                + "x), its latency ("
                + n(b.meanLatencyMillis() / k.meanLatencyMillis())
                + "x) and the stated volume (the "
                + "baseline's annual figure needs "
                + n(impliedVolume)
                + " requests/day)"));
    double candidateAnnualAtImplied = k.costPerRequestUsd() * impliedVolume * DAYS_PER_YEAR;
    out.add(
        judge.relative(
            "reproduce.candidate-annual",
            name(k) + " annual cost at the baseline's implied volume",
            "about $" + n(k.annualCostUsd()) + " per year",
            k.annualCostUsd(),
            "$" + n(k.costPerRequestUsd()) + " × " + n(impliedVolume) + " requests/day × 365",
            candidateAnnualAtImplied,
            "USD/year",
            "no single volume makes both annual figures follow from their costs per request"));
  }

  private void utilisation(ArticleClaims c, Judge judge, List<AuditFinding> out) {
    if (c.baselineUtilisationPercent() == null) {
      return;
    }
    double[] claimed = {c.baselineUtilisationPercent(), c.candidateUtilisationPercent()};
    List<ClaimedModel> rows = List.of(c.baseline(), c.candidate());
    for (int i = 0; i < 2; i++) {
      ClaimedModel m = rows.get(i);
      double rate = c.hourlyPriceUsd() / 3600 / m.costPerRequestUsd();
      double busyPercent = rate * m.meanLatencyMillis() / 1000 * 100;
      out.add(
          judge.relative(
              "utilisation." + m.modelId(),
              name(m) + " GPU utilisation from rate × service time (utilisation law)",
              n(claimed[i]) + "% GPU utilisation",
              claimed[i],
              n(rate) + " requests/s (from the stated cost) × " + n(m.meanLatencyMillis()) + " ms",
              busyPercent,
              "%",
              "a GPU serving one request at a time at the rate its stated cost implies"));
    }
  }

  private void throughput(ArticleClaims c, ThroughputClaim t, Judge judge, List<AuditFinding> out) {
    ClaimedModel row = c.model(t.modelId()).orElse(null);
    ModelSpec model = model(t.modelId());
    GpuSpec gpu =
        gpus.find(t.gpuId())
            .orElseThrow(() -> new IllegalArgumentException("unknown GPU " + t.gpuId()));
    if (row != null) {
      out.add(
          judge.relative(
              "throughput.cost-per-request",
              name(row) + " cost per request from the claimed throughput",
              "$" + n(row.costPerRequestUsd()) + " per request",
              row.costPerRequestUsd(),
              "$" + n(c.hourlyPriceUsd()) + "/h / 3600 / " + n(t.inputsPerSec()) + " sentences/s",
              c.hourlyPriceUsd() / 3600 / t.inputsPerSec(),
              "USD",
              "one sentence per request on one "
                  + gpu.id()
                  + " at the article's price ("
                  + gpu.defaultPrice().label()
                  + " lists $"
                  + n(gpu.defaultPrice().pricePerGpuHourUsd())
                  + "/h)"));
      out.add(
          new AuditFinding(
              "throughput.littles-law",
              name(row) + " concurrency implied by throughput and mean latency",
              n(t.inputsPerSec())
                  + " sentences/s and "
                  + n(row.meanLatencyMillis())
                  + " ms mean latency",
              null,
              n(t.inputsPerSec()) + "/s × " + n(row.meanLatencyMillis()) + " ms (Little's law)",
              t.inputsPerSec() * row.meanLatencyMillis() / 1000,
              "inputs in flight",
              null,
              "no concurrency is stated",
              Verdict.CANNOT_DERIVE,
              "the article states no concurrency or batch size to compare with; the table's latency is"
                  + " consistent with the throughput only if about this many sentences are in flight"));
    }
    double flopsPerToken = model.shape().flopsPerToken(t.tokensPerInput());
    double mfu =
        t.inputsPerSec() * t.tokensPerInput() * flopsPerToken / gpu.denseFp16FlopsPerSec() * 100;
    out.add(
        new AuditFinding(
            "throughput.roofline",
            model.name() + " throughput against " + gpu.id() + " peak FLOP/s",
            n(t.inputsPerSec())
                + " sentences/s × "
                + t.tokensPerInput()
                + " tokens on one "
                + gpu.id(),
            null,
            n(t.inputsPerSec() * t.tokensPerInput())
                + " tokens/s × "
                + n(flopsPerToken / 1e9)
                + " GFLOP/token / "
                + n(gpu.denseFp16TeraflopsPerSec())
                + " TFLOP/s dense",
            mfu,
            "% of peak",
            null,
            "must be <= 100%",
            mfu <= 100 ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
            "physically possible when under 100% of the GPU's dense peak ("
                + gpu.specSource().label()
                + ")"));
  }

  /**
   * What the demand needs in FLOP/s against what each stated annual cost buys at the GPU's dense
   * peak: the utilisation each stated figure assumes, and the saving if both fleets ran equally
   * well; then the article's own throughput claim against the whole demand.
   */
  private void impliedCompute(
      ArticleClaims c, ThroughputClaim t, Judge judge, List<AuditFinding> out) {
    GpuSpec gpu =
        gpus.find(t.gpuId())
            .orElseThrow(() -> new IllegalArgumentException("unknown GPU " + t.gpuId()));
    double tokensPerSec = c.requestsPerDay() / SECONDS_PER_DAY * t.tokensPerInput();
    double perGpuYear = c.hourlyPriceUsd() * HOURS_PER_YEAR;
    double[] flopsPerToken = new double[2];
    List<ClaimedModel> rows = List.of(c.baseline(), c.candidate());
    for (int i = 0; i < 2; i++) {
      ClaimedModel m = rows.get(i);
      if (m.annualCostUsd() == null) {
        return;
      }
      flopsPerToken[i] = model(m.modelId()).shape().flopsPerToken(t.tokensPerInput());
      double needed = tokensPerSec * flopsPerToken[i];
      double gpusBought = m.annualCostUsd() / perGpuYear;
      double utilisation = needed / (gpusBought * gpu.denseFp16FlopsPerSec()) * 100;
      out.add(
          new AuditFinding(
              "compute." + m.modelId() + ".utilisation",
              name(m) + ": the GPU utilisation its stated annual cost assumes",
              "$"
                  + n(m.annualCostUsd())
                  + " per year for "
                  + n(c.requestsPerDay())
                  + " requests/day",
              null,
              n(c.requestsPerDay())
                  + " requests/day / 86400 × "
                  + t.tokensPerInput()
                  + " tokens = "
                  + n(tokensPerSec)
                  + " tokens/s × "
                  + n(flopsPerToken[i] / 1e9)
                  + " GFLOP/token = "
                  + n(needed / 1e12)
                  + " TFLOP/s needed; $"
                  + n(m.annualCostUsd())
                  + " / ($"
                  + n(c.hourlyPriceUsd())
                  + "/h × 8760 h) = "
                  + n(gpusBought)
                  + " GPUs × "
                  + n(gpu.denseFp16TeraflopsPerSec())
                  + " TFLOP/s dense ("
                  + gpu.id()
                  + ") = "
                  + n(gpusBought * gpu.denseFp16TeraflopsPerSec())
                  + " TFLOP/s bought",
              utilisation,
              "% of peak",
              null,
              "no claim to compare",
              Verdict.DERIVED,
              "the share of the bought fleet's dense FP16 peak the demand uses if the stated annual cost is the whole"
                  + " fleet"));
    }
    double equal = saving(flopsPerToken[1], flopsPerToken[0]);
    out.add(
        judge.relative(
            "compute.saving-at-equal-utilisation",
            "saving if both fleets ran at the same utilisation",
            n(c.savingsPercent()) + "% saving",
            c.savingsPercent(),
            "1 - "
                + n(flopsPerToken[1] / 1e9)
                + " / "
                + n(flopsPerToken[0] / 1e9)
                + " GFLOP/token at "
                + t.tokensPerInput()
                + " tokens",
            equal,
            "%",
            "cost follows compute when both fleets are equally busy; the stated annual costs instead assume the "
                + name(c.candidate())
                + " fleet uses its GPUs "
                + n((100 - c.savingsPercent()) / (100 - equal))
                + "x less efficiently than the "
                + name(c.baseline())
                + " fleet"));
    double demandPerSec = c.requestsPerDay() / SECONDS_PER_DAY;
    int instances = (int) Math.ceil(demandPerSec / t.inputsPerSec() - 1e-9);
    ClaimedModel k = c.model(t.modelId()).orElse(null);
    if (k != null && k.annualCostUsd() != null) {
      out.add(
          judge.relative(
              "throughput.whole-demand",
              name(k)
                  + ": the whole demand on the article's own "
                  + n(t.inputsPerSec())
                  + " sentences/s per "
                  + gpu.id(),
              "about $" + n(k.annualCostUsd()) + " per year",
              k.annualCostUsd(),
              n(demandPerSec)
                  + " requests/s / "
                  + n(t.inputsPerSec())
                  + " per "
                  + gpu.id()
                  + " = "
                  + n(demandPerSec / t.inputsPerSec())
                  + " → "
                  + instances
                  + " instance(s) × $"
                  + n(c.hourlyPriceUsd())
                  + "/h × 8760 h",
              instances * perGpuYear,
              "USD/year",
              instances
                  + " "
                  + gpu.id()
                  + " at "
                  + n(demandPerSec / t.inputsPerSec() / instances * 100)
                  + "% of its stated capacity carries all "
                  + n(c.requestsPerDay())
                  + " requests/day (one text of "
                  + t.tokensPerInput()
                  + " tokens each)"));
    }
  }

  private void quality(ArticleClaims c, Judge judge, List<AuditFinding> out) {
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    double drop = b.qualityScore() - k.qualityScore();
    out.add(
        judge.absolute(
            "quality.drop-points",
            "quality drop in points",
            n(c.qualityDropPoints()) + " points",
            c.qualityDropPoints(),
            n(b.qualityScore()) + " - " + n(k.qualityScore()),
            drop,
            "points",
            SCORE_TOLERANCE_POINTS * 2,
            "the table's own scores"));
    out.add(
        judge.absolute(
            "quality.drop-percent",
            "relative quality drop",
            n(c.qualityDropPercent()) + "%",
            c.qualityDropPercent(),
            n(drop) + " / " + n(b.qualityScore()),
            drop / b.qualityScore() * 100,
            "%",
            0.05,
            "the table's own scores; claimed to one decimal"));
    for (ClaimedModel m : c.models()) {
      QualityScore nearest = nearestScore(model(m.modelId()), m.qualityScore());
      boolean match =
          nearest != null && Math.abs(nearest.score() - m.qualityScore()) <= SCORE_TOLERANCE_POINTS;
      out.add(
          new AuditFinding(
              "quality." + m.modelId() + ".card",
              name(m) + " score against its" + " published scores",
              n(m.qualityScore()) + " (" + m.qualityAsClaimed() + ")",
              m.qualityScore(),
              nearest == null
                  ? "no published score in the catalog"
                  : "nearest published: "
                      + nearest.benchmarkName()
                      + " ("
                      + nearest.source().label()
                      + ")",
              nearest == null ? null : nearest.score(),
              "points",
              nearest == null ? null : pct(nearest.score(), m.qualityScore()),
              "equal to two decimals",
              nearest == null
                  ? Verdict.CANNOT_DERIVE
                  : match ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
              "published: " + scores(model(m.modelId()))));
    }
    QualityScore baseCard = nearestScore(model(b.modelId()), b.qualityScore());
    if (baseCard != null
        && Math.abs(baseCard.score() - b.qualityScore()) <= SCORE_TOLERANCE_POINTS) {
      model(k.modelId())
          .quality(baseCard.benchmark())
          .ifPresent(
              kCard ->
                  out.add(
                      judge.absolute(
                          "quality.drop-like-for-like",
                          "quality drop on one benchmark (" + baseCard.benchmarkName() + ")",
                          n(c.qualityDropPoints()) + " points",
                          c.qualityDropPoints(),
                          n(baseCard.score()) + " - " + n(kCard.score()) + " (model cards)",
                          baseCard.score() - kCard.score(),
                          "points",
                          SCORE_TOLERANCE_POINTS * 2,
                          "the baseline's score is its "
                              + baseCard.benchmarkName()
                              + "; on the same benchmark the "
                              + "drop is "
                              + n((baseCard.score() - kCard.score()) / baseCard.score() * 100)
                              + "% relative, not "
                              + n(c.qualityDropPercent())
                              + "%")));
    }
  }

  /**
   * The candidate's score is claimed on the Chinese subset; the drop on that benchmark for both
   * models (C-MTEB on the model cards), and the index memory when the baseline's full output is
   * kept.
   */
  private void likeForLike(ArticleClaims c, Judge judge, List<AuditFinding> out) {
    ModelSpec base = model(c.baseline().modelId());
    ModelSpec cand = model(c.candidate().modelId());
    base.quality(CHINESE_BENCHMARK)
        .ifPresent(
            b ->
                cand.quality(CHINESE_BENCHMARK)
                    .ifPresent(
                        k -> {
                          double drop = b.score() - k.score();
                          out.add(
                              judge.absolute(
                                  "quality.drop-" + CHINESE_BENCHMARK,
                                  "quality drop on "
                                      + b.benchmarkName()
                                      + " for both (the article scores the candidate on its Chinese subset)",
                                  n(c.qualityDropPoints())
                                      + " points ("
                                      + n(c.qualityDropPercent())
                                      + "%)",
                                  c.qualityDropPoints(),
                                  n(b.score()) + " - " + n(k.score()) + " (model cards)",
                                  drop,
                                  "points",
                                  SCORE_TOLERANCE_POINTS * 2,
                                  "like for like the drop is "
                                      + n(drop)
                                      + " points, "
                                      + n(drop / b.score() * 100)
                                      + "% relative ("
                                      + b.source().label()
                                      + ")"));
                        }));
    double bytesPerMillion = 1e6 * FLOAT32_BYTES / 1e9;
    out.add(
        new AuditFinding(
            "memory.index-per-million-vectors",
            "vector index memory: "
                + base.name()
                + " at its full "
                + base.dimensions()
                + " dimensions against "
                + cand.name()
                + " at "
                + cand.dimensions(),
            "not stated (the article does not say whether the baseline's output was truncated)",
            null,
            "10^6 vectors × "
                + base.dimensions()
                + " × 4 bytes = "
                + n(base.dimensions() * bytesPerMillion)
                + " GB vs "
                + cand.dimensions()
                + " × 4 bytes = "
                + n(cand.dimensions() * bytesPerMillion)
                + " GB",
            base.dimensions() * bytesPerMillion,
            "GB per million vectors",
            null,
            "no claim to compare",
            Verdict.DERIVED,
            "float32, no index overhead: the baseline's untruncated vectors need "
                + n((double) base.dimensions() / cand.dimensions())
                + "x the memory (and bandwidth per search) of the"
                + " candidate's "
                + n(cand.dimensions() * bytesPerMillion)
                + " GB; truncating it (Matryoshka) to "
                + cand.dimensions()
                + " removes that difference"));
  }

  private void parameters(ClaimedModel m, Judge judge, List<AuditFinding> out) {
    ModelSpec spec = model(m.modelId());
    out.add(
        judge.relative(
            "params." + m.modelId(),
            name(m) + " parameter count",
            n(m.parametersBillions()) + "B parameters",
            m.parametersBillions(),
            "model card: "
                + n(spec.statedParameters() / 1e9)
                + "B ("
                + spec.cardSource().label()
                + ")",
            spec.statedParameters() / 1e9,
            "billion",
            "computed from the config.json shapes: " + n(spec.shape().parameters() / 1e9) + "B"));
  }

  private void memory(ClaimedModel m, List<AuditFinding> out) {
    ModelSpec spec = model(m.modelId());
    double weights = spec.weightsGb();
    out.add(
        new AuditFinding(
            "memory." + m.modelId(),
            name(m) + " GPU memory against its weights",
            n(m.gpuMemoryGb()) + " GB",
            m.gpuMemoryGb(),
            n(spec.shape().parameters() / 1e9)
                + "B parameters × "
                + n(spec.weightBytesPerParameter())
                + " bytes",
            weights,
            "GB",
            pct(m.gpuMemoryGb(), weights),
            "claimed must be >= weights",
            m.gpuMemoryGb() >= weights ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
            "the rest is activations, KV/attention buffers and the runtime; only a lower bound checks"));
  }

  private void dimensions(ArticleClaims c, List<AuditFinding> out) {
    if (c.candidateDimensions().isEmpty()) {
      return;
    }
    ModelSpec spec = model(c.candidateModelId());
    List<Integer> outside =
        c.candidateDimensions().stream()
            .filter(d -> d < spec.minDimensions() || d > spec.dimensions())
            .toList();
    int largest = c.candidateDimensions().stream().max(Comparator.naturalOrder()).orElseThrow();
    out.add(
        new AuditFinding(
            "dimensions." + spec.id(),
            spec.name() + " output dimensions",
            c.candidateDimensions().stream().map(String::valueOf).collect(Collectors.joining("/")),
            (double) largest,
            "model card: " + spec.minDimensions() + " to " + spec.dimensions(),
            (double) spec.dimensions(),
            "dimensions",
            pct(spec.dimensions(), largest),
            "every claimed size within the card's range",
            outside.isEmpty() ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
            outside.isEmpty()
                ? "all within range"
                : outside
                    + " outside "
                    + spec.minDimensions()
                    + ".."
                    + spec.dimensions()
                    + " ("
                    + spec.cardSource().label()
                    + ")"));
  }

  private ModelSpec model(String id) {
    return models.find(id).orElseThrow(() -> new IllegalArgumentException("unknown model " + id));
  }

  private String name(ClaimedModel m) {
    return model(m.modelId()).name();
  }

  private static QualityScore nearestScore(ModelSpec model, double score) {
    return model.quality().stream()
        .min(Comparator.comparingDouble(q -> Math.abs(q.score() - score)))
        .orElse(null);
  }

  private static String scores(ModelSpec model) {
    return model.quality().stream()
        .map(q -> q.benchmark() + " " + n(q.score()))
        .collect(Collectors.joining(", "));
  }

  private static double saving(double candidate, double baseline) {
    return (1 - candidate / baseline) * 100;
  }

  static Double pct(double derived, double claimed) {
    return (derived - claimed) / claimed * 100;
  }

  /** Numbers for sentences: up to four significant digits, grouped thousands, no exponent. */
  static String n(double v) {
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a == 0) {
      return "0";
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Builds findings with the article's tolerance. */
  private record Judge(double tolerancePercent) {

    AuditFinding relative(
        String id,
        String topic,
        String claim,
        double claimed,
        String derivation,
        double derived,
        String unit,
        String note) {
      double diff = pct(derived, claimed);
      return new AuditFinding(
          id,
          topic,
          claim,
          claimed,
          derivation,
          derived,
          unit,
          diff,
          "within " + n(tolerancePercent) + "% relative",
          Math.abs(diff) <= tolerancePercent ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
          note);
    }

    /**
     * For a claim whose author gains by a larger figure (a speed-up): a derivation above it beyond
     * the tolerance means the claim is understated, below it overstated.
     */
    AuditFinding directional(
        String id,
        String topic,
        String claim,
        double claimed,
        String derivation,
        double derived,
        String unit,
        String note) {
      double diff = pct(derived, claimed);
      Verdict verdict =
          Math.abs(diff) <= tolerancePercent
              ? Verdict.CONSISTENT
              : diff > 0 ? Verdict.UNDERSTATED : Verdict.OVERSTATED;
      return new AuditFinding(
          id,
          topic,
          claim,
          claimed,
          derivation,
          derived,
          unit,
          diff,
          "within " + n(tolerancePercent) + "% relative; above: understated, below: overstated",
          verdict,
          note);
    }

    AuditFinding absolute(
        String id,
        String topic,
        String claim,
        double claimed,
        String derivation,
        double derived,
        String unit,
        double toleranceUnits,
        String note) {
      return new AuditFinding(
          id,
          topic,
          claim,
          claimed,
          derivation,
          derived,
          unit,
          pct(derived, claimed),
          "within " + n(toleranceUnits) + " " + unit,
          Math.abs(derived - claimed) <= toleranceUnits + 1e-12
              ? Verdict.CONSISTENT
              : Verdict.INCONSISTENT,
          note);
    }
  }
}
