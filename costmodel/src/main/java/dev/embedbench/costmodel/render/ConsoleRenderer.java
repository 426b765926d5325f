package dev.embedbench.costmodel.render;

import static dev.embedbench.costmodel.render.Figures.num;
import static dev.embedbench.costmodel.render.Figures.pct;
import static dev.embedbench.costmodel.render.Figures.signedPct;
import static dev.embedbench.costmodel.render.Figures.usd;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.audit.AuditFinding;
import dev.embedbench.costmodel.audit.Verdict;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.cost.DemandCurve;
import dev.embedbench.costmodel.cost.DemandPoint;
import dev.embedbench.costmodel.cost.DeploymentCost;
import dev.embedbench.costmodel.cost.SensitivityCase;
import dev.embedbench.costmodel.cost.UnitCost;
import dev.embedbench.costmodel.scenario.TokenRescale;
import java.util.List;

/**
 * The console form: the unit cost at capacity (the answer) first, then the whole-instance fleet,
 * quality and roofline, the fleet across demand, sensitivity, warnings and the audit.
 */
public final class ConsoleRenderer {

  private ConsoleRenderer() {}

  public static String render(CostAnalysis analysis) {
    StringBuilder out = new StringBuilder();
    CostReport r = analysis.report();
    out.append("Scenario ")
        .append(r.scenarioName())
        .append(" (")
        .append(r.scenarioFile())
        .append(")\n");
    out.append("Demand: ")
        .append(num(r.requestsPerDay()))
        .append(" requests/day, mean ")
        .append(num(r.averageRequestsPerSec()))
        .append("/s, peak ")
        .append(num(r.peakRequestsPerSec()))
        .append("/s (peak/mean ")
        .append(num(r.peakToAverage()))
        .append("), ")
        .append(num(r.inputsPerRequest()))
        .append(" input(s) x ")
        .append(r.tokensPerInput())
        .append(" tokens per request\n");
    out.append("Policy: target utilisation ")
        .append(pct(r.targetUtilisation() * 100))
        .append(", min ")
        .append(r.minReplicas())
        .append(" replica(s), ")
        .append(r.scaling())
        .append(" fleet, SLO ")
        .append(r.slo())
        .append(", token rescaling ")
        .append(r.tokenRescale())
        .append("\n\n");

    out.append(
            "Unit cost at capacity (paying only for the GPU time used at the target utilisation;"
                + " savings against ")
        .append(r.baselineId())
        .append(")\n");
    TextTable unit =
        new TextTable(
            "deployment",
            "model",
            "gpu",
            "usd_per_gpu_hour",
            "capacity_req_per_s",
            "capacity_provenance",
            "tokens_per_input",
            "usd_per_million_requests",
            "usd_per_million_tokens",
            "saving_vs_baseline");
    for (UnitCost u : r.unitCosts()) {
      unit.row(
          u.deploymentId(),
          u.modelName(),
          u.gpuId(),
          usd(u.pricePerGpuHourUsd()),
          Bounds.capacity(
              u.capacityRequestsPerSec(),
              u.capacityMinRequestsPerSec(),
              u.capacityMaxRequestsPerSec(),
              u.capacityRepeats(),
              u.capacityLowerBound()),
          u.capacityProvenance(),
          num(u.tokensPerInput()) + (u.tokensStated() ? "" : " (assumed)"),
          Bounds.usd(u.usdPerMillionRequests()),
          Bounds.usd(u.usdPerMillionTokens()),
          Bounds.saving(u.savingVsBaseline(), u.savingBasis()));
    }
    unit.appendTo(out);
    for (UnitCost u : r.unitCosts()) {
      if (u.savingVsBaseline() != null && !u.savingVsBaseline().reason().isEmpty()) {
        out.append("  ")
            .append(u.deploymentId())
            .append(": saving ")
            .append(Bounds.percent(u.savingVsBaseline()))
            .append(" because ")
            .append(u.savingVsBaseline().reason())
            .append('\n');
      }
      if (u.savingAcrossLengths()) {
        out.append("  ")
            .append(u.deploymentId())
            .append(": saving compared ")
            .append(u.savingBasis())
            .append(" (")
            .append(TokenRescale.LINEAR.rule())
            .append(")\n");
      }
    }
    out.append("One price per GPU in this scenario:\n");
    r.gpuPrices().forEach(line -> out.append("  ").append(line).append('\n'));

    out.append("\nWhole-instance fleet at ")
        .append(num(r.requestsPerDay()))
        .append(" requests/day (savings against ")
        .append(r.baselineId())
        .append(")\n");
    TextTable cost =
        new TextTable(
            "deployment",
            "model",
            "gpu",
            "usd_per_gpu_hour",
            "capacity_req_per_s",
            "capacity_provenance",
            "replicas_at_peak",
            "gpu_hours_per_day",
            "usd_per_hour",
            "usd_per_year",
            "usd_per_million_requests",
            "usd_per_million_tokens",
            "savings_percent");
    boolean baselineBound = r.deployment(r.baselineId()).capacityLowerBound();
    for (DeploymentCost d : r.deployments()) {
      boolean bound = d.capacityLowerBound();
      cost.row(
          d.deploymentId(),
          d.modelName(),
          d.gpuId(),
          usd(d.pricePerGpuHourUsd()),
          (bound ? "≥ " : "") + num(d.capacityRequestsPerSecPerReplica()),
          d.capacityProvenance(),
          (bound ? "≤ " : "") + d.replicasAtPeak(),
          (bound ? "≤ " : "") + num(d.gpuHoursPerDay()),
          Bounds.fleetUsd(d.usdPerHour(), bound),
          Bounds.fleetUsd(d.usdPerYear(), bound),
          Bounds.fleetUsd(d.usdPerMillionRequests(), bound),
          Bounds.fleetUsd(d.usdPerMillionTokens(), bound),
          d.deploymentId().equals(r.baselineId())
              ? "—"
              : Bounds.fleetSaving(d.savingsVsBaselinePercent(), bound, baselineBound));
    }
    cost.appendTo(out);

    out.append("\nQuality and roofline (quality: ")
        .append(r.qualityBenchmark())
        .append("; roofline: the GPU at its peak dense FP16/BF16 FLOP/s)\n");
    TextTable quality =
        new TextTable(
            "deployment",
            "quality_score",
            "usd_per_million_requests_per_point",
            "marginal_usd_per_year_per_point",
            "gflop_per_token",
            "roofline_usd_per_million_tokens",
            "cost_over_roofline",
            "mfu_at_capacity_percent",
            "weights_gb");
    for (DeploymentCost d : r.deployments()) {
      quality.row(
          d.deploymentId(),
          num(d.qualityScore()),
          usd(d.usdPerMillionRequestsPerQualityPoint()),
          usd(d.marginalUsdPerYearPerQualityPoint()),
          num(d.flopsPerToken() / 1e9),
          usd(d.rooflineUsdPerMillionTokens()),
          num(d.costOverRooflineFactor()) + "x",
          pct(d.impliedMfuAtCapacityPercent()),
          num(d.weightsGb()) + (d.fitsInGpuMemory() ? "" : " (does not fit)"));
    }
    quality.appendTo(out);

    out.append("\nWhere the figures come from\n");
    for (DeploymentCost d : r.deployments()) {
      out.append("  ")
          .append(d.deploymentId())
          .append(": capacity ")
          .append(d.capacityProvenance())
          .append(", ")
          .append(d.capacityRoute())
          .append(": ")
          .append(d.capacityBasis())
          .append(" [")
          .append(d.capacitySource())
          .append("]\n");
      out.append("  ")
          .append(" ".repeat(d.deploymentId().length()))
          .append("  price ")
          .append(d.priceLabel())
          .append(" [")
          .append(d.priceSource())
          .append("]\n");
    }
    demandCurve(r, out);
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

  private static void demandCurve(CostReport r, StringBuilder out) {
    DemandCurve curve = r.demandCurve();
    out.append("\nAcross demand (whole instances, ")
        .append(num(curve.points().get(0).requestsPerDay()))
        .append(" to ")
        .append(num(curve.points().get(curve.points().size() - 1).requestsPerDay()))
        .append(" requests/day; every point: embedbench cost --csv)\n");
    TextTable table =
        new TextTable(
            "requests_per_day",
            "deployment",
            "replicas_at_peak",
            "usd_per_year",
            "saving_whole_instances",
            "saving_unit_cost");
    int step = DemandCurve.STEPS_PER_DECADE;
    for (int i = 0; i < curve.points().size(); i += step) {
      DemandPoint p = curve.points().get(i);
      for (UnitCost u : r.unitCosts()) {
        table.row(
            num(p.requestsPerDay()),
            u.deploymentId(),
            Integer.toString(p.replicasById().get(u.deploymentId())),
            usd(p.usdPerYearById().get(u.deploymentId())),
            u.deploymentId().equals(r.baselineId())
                ? "—"
                : Bounds.fleetSaving(
                    p.savingPercentById().get(u.deploymentId()),
                    u.capacityLowerBound(),
                    r.unitCost(r.baselineId()).capacityLowerBound()),
            Bounds.saving(u.savingVsBaseline(), u.savingBasis()));
      }
    }
    table.appendTo(out);
    if (curve.breakEvens().isEmpty()) {
      out.append(
          "  no break-even: whole-instance rounding changes no saving's sign over this span\n");
    } else {
      out.append(
          "Break-even demands (where whole-instance rounding erases, restores or flips a saving):\n");
      curve
          .breakEvens()
          .forEach(
              b ->
                  out.append("  ")
                      .append(b.deploymentId())
                      .append(" at ")
                      .append(num(b.requestsPerDay()))
                      .append(" requests/day: ")
                      .append(b.change())
                      .append(" (")
                      .append(pct(b.savingBelowPercent()))
                      .append(" below, ")
                      .append(pct(b.savingAbovePercent()))
                      .append(" from there)\n"));
    }
  }

  private static void sensitivity(CostReport r, StringBuilder out) {
    List<SensitivityCase> flagged =
        r.sensitivity().stream().filter(SensitivityCase::flagged).toList();
    out.append("\nSensitivity: each input x0.5 and x1.5; ")
        .append(flagged.size())
        .append(" of ")
        .append(r.sensitivity().size())
        .append(" cases change the ranking or move a saving by more than 10 points\n");
    out.append("  unmoved ranking, cheapest first: ")
        .append(String.join(" < ", r.cheapestFirst()))
        .append('\n');
    TextTable table =
        new TextTable(
            "factor",
            "target",
            "multiplier",
            "flagged",
            "ranking_changed",
            "max_savings_shift_points",
            "cheapest_first");
    for (SensitivityCase c : r.sensitivity()) {
      table.row(
          c.factor(),
          c.target(),
          "x" + num(c.multiplier()),
          c.flagged() ? "FLAGGED" : "",
          c.rankingChanged() ? "yes" : "no",
          num(c.maxSavingsShiftPoints()),
          String.join(" < ", c.cheapestFirst()));
    }
    table.appendTo(out);
  }

  private static void audit(List<AuditFinding> findings, StringBuilder out) {
    out.append("\nClaim audit: ").append(findings.size()).append(" checks");
    for (Verdict v : Verdict.values()) {
      long count = findings.stream().filter(f -> f.verdict() == v).count();
      if (count > 0) {
        out.append(", ").append(count).append(' ').append(v.label());
      }
    }
    out.append('\n');
    TextTable table =
        new TextTable("#", "check", "claimed", "derived", "unit", "difference", "verdict");
    for (int i = 0; i < findings.size(); i++) {
      AuditFinding f = findings.get(i);
      table.row(
          Integer.toString(i + 1),
          f.id(),
          num(f.claimedValue()),
          num(f.derivedValue()),
          f.unit(),
          signedPct(f.differencePercent()),
          f.verdict().label());
    }
    table.appendTo(out);
    out.append("\nDerivations\n");
    for (int i = 0; i < findings.size(); i++) {
      AuditFinding f = findings.get(i);
      out.append(String.format("%2d. %s [%s]%n", i + 1, f.topic(), f.verdict().label()));
      out.append("    claimed: ").append(f.claim()).append('\n');
      out.append("    derived: ")
          .append(f.derivation())
          .append(" = ")
          .append(num(f.derivedValue()))
          .append(' ')
          .append(f.unit())
          .append(" (tolerance: ")
          .append(f.tolerance())
          .append(")\n");
      out.append("    ").append(f.note()).append('\n');
    }
  }
}
