package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.AuditNumbers.DAYS_PER_YEAR;
import static dev.embedbench.costmodel.audit.AuditNumbers.SECONDS_PER_DAY;
import static dev.embedbench.costmodel.audit.AuditNumbers.n;
import static dev.embedbench.costmodel.audit.AuditNumbers.pct;
import static dev.embedbench.costmodel.audit.AuditNumbers.saving;

import java.util.List;

/**
 * The claimed saving by every route the article's figures allow, and the assumptions under which it
 * holds exactly.
 */
final class SavingsClaimChecks {

  private final AuditCatalogs catalogs;

  SavingsClaimChecks(AuditCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  void savings(ArticleClaims c, FindingJudge judge, List<AuditFinding> out) {
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
  void reproduction(ArticleClaims c, FindingJudge judge, List<AuditFinding> out) {
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    double impliedVolume = b.annualCostUsd() / (DAYS_PER_YEAR * b.costPerRequestUsd());
    out.add(
        judge.relative(
            "reproduce.volume",
            "volume under which "
                + catalogs.name(b)
                + "'s annual cost follows from its cost per request",
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
            "$" + n(k.costPerRequestUsd()) + " per request for " + catalogs.name(k),
            k.costPerRequestUsd(),
            "$" + n(b.costPerRequestUsd()) + " × (1 - " + n(c.savingsPercent()) + "%)",
            requiredCost,
            "USD",
            "the claimed saving holds if "
                + catalogs.name(k)
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
            catalogs.name(k) + " annual cost at the baseline's implied volume",
            "about $" + n(k.annualCostUsd()) + " per year",
            k.annualCostUsd(),
            "$" + n(k.costPerRequestUsd()) + " × " + n(impliedVolume) + " requests/day × 365",
            candidateAnnualAtImplied,
            "USD/year",
            "no single volume makes both annual figures follow from their costs per request"));
  }
}
