package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.AuditNumbers.HOURS_PER_YEAR;
import static dev.embedbench.costmodel.audit.AuditNumbers.SECONDS_PER_DAY;
import static dev.embedbench.costmodel.audit.AuditNumbers.n;
import static dev.embedbench.costmodel.audit.AuditNumbers.saving;

import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.ModelSpec;
import java.util.List;

/**
 * The article's throughput claim against its cost per request, Little's law and the GPU's peak
 * FLOP/s, and the compute its annual costs imply against the whole demand.
 */
final class ThroughputClaimChecks {

  private final AuditCatalogs catalogs;

  ThroughputClaimChecks(AuditCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  void throughput(ArticleClaims c, ThroughputClaim t, FindingJudge judge, List<AuditFinding> out) {
    ClaimedModel row = c.model(t.modelId()).orElse(null);
    ModelSpec model = catalogs.model(t.modelId());
    GpuSpec gpu = catalogs.gpu(t.gpuId());
    if (row != null) {
      out.add(
          judge.relative(
              "throughput.cost-per-request",
              catalogs.name(row) + " cost per request from the claimed throughput",
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
              catalogs.name(row) + " concurrency implied by throughput and mean latency",
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
  void impliedCompute(
      ArticleClaims c, ThroughputClaim t, FindingJudge judge, List<AuditFinding> out) {
    GpuSpec gpu = catalogs.gpu(t.gpuId());
    double tokensPerSec = c.requestsPerDay() / SECONDS_PER_DAY * t.tokensPerInput();
    double perGpuYear = c.hourlyPriceUsd() * HOURS_PER_YEAR;
    double[] flopsPerToken = new double[2];
    List<ClaimedModel> rows = List.of(c.baseline(), c.candidate());
    for (int i = 0; i < 2; i++) {
      ClaimedModel m = rows.get(i);
      if (m.annualCostUsd() == null) {
        return;
      }
      flopsPerToken[i] = catalogs.model(m.modelId()).shape().flopsPerToken(t.tokensPerInput());
      double needed = tokensPerSec * flopsPerToken[i];
      double gpusBought = m.annualCostUsd() / perGpuYear;
      double utilisation = needed / (gpusBought * gpu.denseFp16FlopsPerSec()) * 100;
      out.add(
          new AuditFinding(
              "compute." + m.modelId() + ".utilisation",
              catalogs.name(m) + ": the GPU utilisation its stated annual cost assumes",
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
                + catalogs.name(c.candidate())
                + " fleet uses its GPUs "
                + n((100 - c.savingsPercent()) / (100 - equal))
                + "x less efficiently than the "
                + catalogs.name(c.baseline())
                + " fleet"));
    double demandPerSec = c.requestsPerDay() / SECONDS_PER_DAY;
    int instances = (int) Math.ceil(demandPerSec / t.inputsPerSec() - 1e-9);
    ClaimedModel k = c.model(t.modelId()).orElse(null);
    if (k != null && k.annualCostUsd() != null) {
      out.add(
          judge.relative(
              "throughput.whole-demand",
              catalogs.name(k)
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
}
