package dev.embedbench.costmodel.render;

import static dev.embedbench.costmodel.render.Figures.num;
import static dev.embedbench.costmodel.render.Figures.pct;
import static dev.embedbench.costmodel.render.Figures.signedPct;
import static dev.embedbench.costmodel.render.Figures.usd;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.audit.AuditFinding;
import dev.embedbench.costmodel.audit.Verdict;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.cost.DeploymentCost;
import dev.embedbench.costmodel.cost.SensitivityCase;
import java.util.List;

/** The console form: the cost table, quality and roofline, sensitivity, warnings, then the audit. */
public final class ConsoleRenderer {

  private ConsoleRenderer() {}

  public static String render(CostAnalysis analysis) {
    StringBuilder out = new StringBuilder();
    CostReport r = analysis.report();
    out.append("Scenario ").append(r.scenarioName()).append(" (").append(r.scenarioFile()).append(")\n");
    out.append("Demand: ").append(num(r.requestsPerDay())).append(" requests/day, mean ")
        .append(num(r.averageRequestsPerSec())).append("/s, peak ").append(num(r.peakRequestsPerSec()))
        .append("/s (peak/mean ").append(num(r.peakToAverage())).append("), ")
        .append(num(r.inputsPerRequest())).append(" input(s) x ").append(r.tokensPerInput())
        .append(" tokens per request\n");
    out.append("Policy: target utilisation ").append(pct(r.targetUtilisation() * 100))
        .append(", min ").append(r.minReplicas()).append(" replica(s), ").append(r.scaling())
        .append(" fleet, SLO ").append(r.slo()).append("\n\n");

    out.append("Cost (savings against ").append(r.baselineId()).append(")\n");
    TextTable cost = new TextTable("deployment", "model", "gpu", "usd_per_gpu_hour",
        "capacity_req_per_s", "capacity_provenance", "replicas_at_peak", "gpu_hours_per_day",
        "usd_per_hour", "usd_per_year", "usd_per_million_requests", "usd_per_million_tokens",
        "savings_percent");
    for (DeploymentCost d : r.deployments()) {
      cost.row(d.deploymentId(), d.modelName(), d.gpuId(), usd(d.pricePerGpuHourUsd()),
          num(d.capacityRequestsPerSecPerReplica()), d.capacityProvenance(),
          Integer.toString(d.replicasAtPeak()), num(d.gpuHoursPerDay()), usd(d.usdPerHour()),
          usd(d.usdPerYear()), usd(d.usdPerMillionRequests()), usd(d.usdPerMillionTokens()),
          pct(d.savingsVsBaselinePercent()));
    }
    cost.appendTo(out);

    out.append("\nQuality and roofline (quality: ").append(r.qualityBenchmark())
        .append("; roofline: the GPU at its peak dense FP16/BF16 FLOP/s)\n");
    TextTable quality = new TextTable("deployment", "quality_score", "usd_per_million_requests_per_point",
        "marginal_usd_per_year_per_point", "gflop_per_token", "roofline_usd_per_million_tokens",
        "cost_over_roofline", "mfu_at_capacity_percent", "weights_gb");
    for (DeploymentCost d : r.deployments()) {
      quality.row(d.deploymentId(), num(d.qualityScore()),
          usd(d.usdPerMillionRequestsPerQualityPoint()), usd(d.marginalUsdPerYearPerQualityPoint()),
          num(d.flopsPerToken() / 1e9), usd(d.rooflineUsdPerMillionTokens()),
          num(d.costOverRooflineFactor()) + "x", pct(d.impliedMfuAtCapacityPercent()),
          num(d.weightsGb()) + (d.fitsInGpuMemory() ? "" : " (does not fit)"));
    }
    quality.appendTo(out);

    out.append("\nWhere the figures come from\n");
    for (DeploymentCost d : r.deployments()) {
      out.append("  ").append(d.deploymentId()).append(": capacity ").append(d.capacityProvenance())
          .append(", ").append(d.capacityRoute()).append(": ").append(d.capacityBasis())
          .append(" [").append(d.capacitySource()).append("]\n");
      out.append("  ").append(" ".repeat(d.deploymentId().length())).append("  price ")
          .append(d.priceLabel()).append(" [").append(d.priceSource()).append("]\n");
    }
    sensitivity(r, out);
    if (!r.warnings().isEmpty()) {
      out.append("\nWarnings\n");
      r.warnings().forEach(w -> out.append("  - ").append(w).append('\n'));
    }
    if (!analysis.audit().isEmpty()) {
      audit(analysis.audit(), out);
    }
    return out.toString();
  }

  private static void sensitivity(CostReport r, StringBuilder out) {
    List<SensitivityCase> flagged = r.sensitivity().stream().filter(SensitivityCase::flagged).toList();
    out.append("\nSensitivity: each input x0.5 and x1.5; ").append(flagged.size()).append(" of ")
        .append(r.sensitivity().size())
        .append(" cases change the ranking or move a saving by more than 10 points\n");
    out.append("  unmoved ranking, cheapest first: ").append(String.join(" < ", r.cheapestFirst()))
        .append('\n');
    if (flagged.isEmpty()) {
      return;
    }
    TextTable table = new TextTable("factor", "target", "multiplier", "ranking_changed",
        "max_savings_shift_points", "cheapest_first");
    for (SensitivityCase c : flagged) {
      table.row(c.factor(), c.target(), "x" + num(c.multiplier()), c.rankingChanged() ? "yes" : "no",
          num(c.maxSavingsShiftPoints()), String.join(" < ", c.cheapestFirst()));
    }
    table.appendTo(out);
  }

  private static void audit(List<AuditFinding> findings, StringBuilder out) {
    long flagged = findings.stream().filter(AuditFinding::flagged).count();
    long unknown = findings.stream().filter(f -> f.verdict() == Verdict.CANNOT_DERIVE).count();
    out.append("\nClaim audit: ").append(findings.size()).append(" checks, ").append(flagged)
        .append(" inconsistent, ").append(unknown).append(" cannot be derived\n");
    TextTable table = new TextTable("#", "check", "claimed", "derived", "unit", "difference", "verdict");
    for (int i = 0; i < findings.size(); i++) {
      AuditFinding f = findings.get(i);
      table.row(Integer.toString(i + 1), f.id(), num(f.claimedValue()), num(f.derivedValue()), f.unit(),
          signedPct(f.differencePercent()), f.verdict().label());
    }
    table.appendTo(out);
    out.append("\nDerivations\n");
    for (int i = 0; i < findings.size(); i++) {
      AuditFinding f = findings.get(i);
      out.append(String.format("%2d. %s [%s]%n", i + 1, f.topic(), f.verdict().label()));
      out.append("    claimed: ").append(f.claim()).append('\n');
      out.append("    derived: ").append(f.derivation()).append(" = ").append(num(f.derivedValue()))
          .append(' ').append(f.unit()).append(" (tolerance: ").append(f.tolerance()).append(")\n");
      out.append("    ").append(f.note()).append('\n');
    }
  }
}
