package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.AuditNumbers.n;

import dev.embedbench.costmodel.catalog.GpuCatalog;
import dev.embedbench.costmodel.catalog.ModelCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives every figure of an {@link ArticleClaims} that its own inputs (and the catalogs) allow in
 * more than one way, and judges each claimed figure against each derivation: costs ({@link
 * CostClaimChecks}), savings ({@link SavingsClaimChecks}), speed-up, throughput and compute ({@link
 * ThroughputClaimChecks}), and the models' cards ({@link ModelCardChecks}).
 *
 * <p>Money and rates are judged by relative difference against {@link
 * ArticleClaims#tolerancePercent} ({@link FindingJudge}); published scores by their printed
 * precision; parameters, memory and dimensions against the catalogs.
 */
public final class ClaimAudit {

  private final CostClaimChecks costs;
  private final SavingsClaimChecks savings;
  private final ThroughputClaimChecks throughput;
  private final ModelCardChecks cards;

  public ClaimAudit(ModelCatalog models, GpuCatalog gpus) {
    AuditCatalogs catalogs = new AuditCatalogs(models, gpus);
    this.costs = new CostClaimChecks(catalogs);
    this.savings = new SavingsClaimChecks(catalogs);
    this.throughput = new ThroughputClaimChecks(catalogs);
    this.cards = new ModelCardChecks(catalogs);
  }

  /** The findings, in the order the report lists them. */
  public List<AuditFinding> audit(ArticleClaims c) {
    List<AuditFinding> out = new ArrayList<>();
    FindingJudge judge = new FindingJudge(c.tolerancePercent());
    for (ClaimedModel m : c.models()) {
      costs.costPerRequestFromLatency(c, m, judge, out);
    }
    for (ClaimedModel m : List.of(c.baseline(), c.candidate())) {
      costs.annualCosts(c, m, judge, out);
    }
    savings.savings(c, judge, out);
    savings.reproduction(c, judge, out);
    costs.utilisation(c, judge, out);
    out.add(speedup(c, judge));
    c.throughputClaim().ifPresent(t -> throughput.throughput(c, t, judge, out));
    c.throughputClaim().ifPresent(t -> throughput.impliedCompute(c, t, judge, out));
    cards.quality(c, judge, out);
    for (ClaimedModel m : c.models()) {
      cards.parameters(m, judge, out);
      cards.memory(m, out);
    }
    cards.dimensions(c, out);
    cards.likeForLike(c, judge, out);
    return out;
  }

  /** The speed-up the table's own mean latencies give; the article gains by a larger one. */
  private static AuditFinding speedup(ArticleClaims c, FindingJudge judge) {
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    double speedup = b.meanLatencyMillis() / k.meanLatencyMillis();
    return judge.directional(
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
            : "the table's own mean latencies");
  }
}
