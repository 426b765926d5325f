package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.AuditNumbers.DAYS_PER_YEAR;
import static dev.embedbench.costmodel.audit.AuditNumbers.HOURS_PER_YEAR;
import static dev.embedbench.costmodel.audit.AuditNumbers.SECONDS_PER_DAY;
import static dev.embedbench.costmodel.audit.AuditNumbers.n;

import java.util.List;

/**
 * The article's costs per request, annual costs and GPU utilisation, each derived from its own
 * prices, latencies and volume in more than one way.
 */
final class CostClaimChecks {

  private final AuditCatalogs catalogs;

  CostClaimChecks(AuditCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  void costPerRequestFromLatency(
      ArticleClaims c, ClaimedModel m, FindingJudge judge, List<AuditFinding> out) {
    double perSecUsd = c.hourlyPriceUsd() / 3600;
    double derived = perSecUsd * m.meanLatencyMillis() / 1000;
    double impliedRate = perSecUsd / m.costPerRequestUsd();
    out.add(
        judge.relative(
            "cost-per-request." + m.modelId() + ".latency",
            catalogs.name(m) + " cost per request from latency and price",
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

  void annualCosts(ArticleClaims c, ClaimedModel m, FindingJudge judge, List<AuditFinding> out) {
    double annual = m.annualCostUsd();
    double perRequest = m.costPerRequestUsd() * c.requestsPerDay() * DAYS_PER_YEAR;
    out.add(
        judge.relative(
            "annual." + m.modelId() + ".per-request",
            catalogs.name(m) + " annual cost from cost per request × volume",
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
            catalogs.name(m) + " annual cost from GPU-time per request",
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
            catalogs.name(m) + " annual cost as whole always-on instances",
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

  void utilisation(ArticleClaims c, FindingJudge judge, List<AuditFinding> out) {
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
              catalogs.name(m) + " GPU utilisation from rate × service time (utilisation law)",
              n(claimed[i]) + "% GPU utilisation",
              claimed[i],
              n(rate) + " requests/s (from the stated cost) × " + n(m.meanLatencyMillis()) + " ms",
              busyPercent,
              "%",
              "a GPU serving one request at a time at the rate its stated cost implies"));
    }
  }
}
