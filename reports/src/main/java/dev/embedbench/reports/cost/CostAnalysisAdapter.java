package dev.embedbench.reports.cost;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.cost.DemandPoint;
import dev.embedbench.costmodel.cost.DeploymentCost;
import dev.embedbench.costmodel.cost.UnitCost;
import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.AnswerRow;
import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.BreakEvenRow;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.DemandRow;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.read.CostReportFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cost model's analysis as the report's cost section and audit. */
public final class CostAnalysisAdapter {

  /**
   * How the cost model's provenance label marks a capacity rescaled to the demand's token length.
   */
  private static final String RESCALED = ", rescaled ";

  private CostAnalysisAdapter() {}

  /**
   * @param measured the provenance of the models measured in this run, by model name: a measured
   *     capacity of such a model is labelled with it ({@code measured: emulated · GPU · A10G
   *     profile}) instead of the cost model's shorter {@code measured (emulated)}
   */
  public static CostReportFiles.Contents contents(
      CostAnalysis analysis, Map<String, Provenance> measured) {
    return new CostReportFiles.Contents(
        Optional.of(costSection(analysis.report(), measured)), audit(analysis.audit()));
  }

  public static CostSection costSection(CostReport report, Map<String, Provenance> measured) {
    List<CostRow> rows = new ArrayList<>();
    String baseline = "";
    for (DeploymentCost deployment : report.deployments()) {
      String label = label(deployment, report.deployments());
      if (deployment.deploymentId().equals(report.baselineId())) {
        baseline = label;
      }
      boolean isBaseline = deployment.deploymentId().equals(report.baselineId());
      // A saving from a lower-bound capacity (the row's or the baseline's) is a bound, which this
      // table's
      // plain figures cannot carry: the row says so in its label and leaves the saving out.
      boolean bounded =
          deployment.capacityLowerBound()
              || report.deployment(report.baselineId()).capacityLowerBound();
      rows.add(
          new CostRow(
              label,
              fleetProvenance(deployment, measured) + boundNote(deployment),
              deployment.gpuId(),
              deployment.capacityRequestsPerSecPerReplica(),
              deployment.replicasAtPeak(),
              deployment.usdPerHour(),
              deployment.usdPerMillionRequests(),
              deployment.usdPerYear(),
              isBaseline || bounded
                  ? Optional.empty()
                  : Optional.of(deployment.savingsVsBaselinePercent() / 100),
              Optional.ofNullable(deployment.qualityScore()),
              Optional.ofNullable(deployment.usdPerMillionRequestsPerQualityPoint()),
              Optional.of(deployment.usdPerMillionTokens()),
              Optional.of(deployment.rooflineUsdPerMillionTokens())));
    }
    String scenario =
        report.scenarioName()
            + ": "
            + Figures.number(report.requestsPerDay())
            + " requests/day, peak ×"
            + Figures.number(report.peakToAverage())
            + ", "
            + Figures.number(report.inputsPerRequest())
            + " input(s) of "
            + report.tokensPerInput()
            + " tokens per request, SLO "
            + report.slo()
            + ", target utilisation "
            + Figures.percent(report.targetUtilisation());
    return new CostSection(scenario, baseline, report.qualityBenchmark(), rows);
  }

  private static String boundNote(DeploymentCost d) {
    return d.capacityLowerBound()
        ? "; capacity ≥ "
            + Figures.number(d.capacityRequestsPerSecPerReplica())
            + " req/s (a lower bound: costs are upper bounds, savings in the answer table)"
        : "";
  }

  /**
   * The answer: unit costs at capacity, the fleet at the demand and across it, one sentence from
   * the audit.
   */
  public static CostAnswer answer(CostAnalysis analysis, Map<String, Provenance> measured) {
    CostReport report = analysis.report();
    Map<String, String> labels = new LinkedHashMap<>();
    report.deployments().forEach(d -> labels.put(d.deploymentId(), label(d, report.deployments())));
    List<AnswerRow> rows = new ArrayList<>();
    for (UnitCost unit : report.unitCosts()) {
      DeploymentCost fleet = report.deployment(unit.deploymentId());
      boolean baseline = unit.deploymentId().equals(report.baselineId());
      int comma = fleet.capacityProvenance().indexOf(RESCALED);
      rows.add(
          new AnswerRow(
              labels.get(unit.deploymentId()),
              provenance(fleet, measured),
              unit.gpuId(),
              unit.priceLabel(),
              unit.pricePerGpuHourUsd(),
              unit.capacityRequestsPerSec(),
              unit.capacityMinRequestsPerSec(),
              unit.capacityMaxRequestsPerSec(),
              unit.capacityRepeats(),
              unit.capacityLowerBound(),
              unit.tokensPerInput(),
              unit.tokensStated(),
              comma < 0 ? "" : fleet.capacityProvenance().substring(comma + 2),
              unit.usdPerMillionRequests(),
              unit.usdPerMillionTokens(),
              unit.savingVsBaseline(),
              unit.savingBasis(),
              baseline,
              fleet.replicasAtPeak(),
              fleet.usdPerYear(),
              baseline ? null : fleet.savingsVsBaselinePercent()));
    }
    List<DemandRow> demand = new ArrayList<>();
    for (DemandPoint point : report.demandCurve().points()) {
      Map<String, Integer> instances = new LinkedHashMap<>();
      Map<String, Double> years = new LinkedHashMap<>();
      Map<String, Double> savings = new LinkedHashMap<>();
      labels.forEach(
          (id, label) -> {
            instances.put(label, point.replicasById().get(id));
            years.put(label, point.usdPerYearById().get(id));
            savings.put(label, point.savingPercentById().get(id));
          });
      demand.add(new DemandRow(point.requestsPerDay(), instances, years, savings));
    }
    List<BreakEvenRow> breakEvens =
        report.demandCurve().breakEvens().stream()
            .map(
                b ->
                    new BreakEvenRow(
                        labels.get(b.deploymentId()),
                        b.requestsPerDay(),
                        b.savingBelowPercent(),
                        b.savingAbovePercent(),
                        b.change()))
            .toList();
    String scenario =
        report.scenarioName()
            + ": "
            + Figures.number(report.requestsPerDay())
            + " requests/day, peak ×"
            + Figures.number(report.peakToAverage())
            + ", "
            + Figures.number(report.inputsPerRequest())
            + " input(s) of "
            + report.tokensPerInput()
            + " tokens per request, target utilisation "
            + Figures.percent(report.targetUtilisation());
    return new CostAnswer(
        scenario,
        labels.get(report.baselineId()),
        report.requestsPerDay(),
        report.targetUtilisation(),
        report.gpuPrices(),
        rows,
        demand,
        breakEvens,
        analysis.audit().stream()
            .filter(f -> f.id().equals("savings.annual"))
            .map(f -> f.claimedValue())
            .findFirst()
            .orElse(null),
        AuditSentence.of(analysis.audit()));
  }

  public static List<AuditFinding> audit(
      List<dev.embedbench.costmodel.audit.AuditFinding> findings) {
    List<AuditFinding> audit = new ArrayList<>();
    for (dev.embedbench.costmodel.audit.AuditFinding finding : findings) {
      String note = finding.note().isBlank() ? "" : finding.note() + " ";
      audit.add(
          new AuditFinding(
              finding.topic(),
              finding.claim(),
              Optional.ofNullable(finding.claimedValue()),
              Optional.ofNullable(finding.derivedValue()),
              finding.unit(),
              finding.derivation(),
              finding.verdict().label(),
              finding.flagged(),
              note + "(Tolerance: " + finding.tolerance() + ".)"));
    }
    return audit;
  }

  /**
   * The model's name; when the scenario prices the same model more than once, with what tells its
   * rows apart: the GPU when each row has its own, else the deployment's id.
   */
  private static String label(DeploymentCost deployment, List<DeploymentCost> all) {
    List<DeploymentCost> sameModel =
        all.stream().filter(other -> other.modelName().equals(deployment.modelName())).toList();
    if (sameModel.size() == 1) {
      return deployment.modelName();
    }
    long gpus = sameModel.stream().map(DeploymentCost::gpuId).distinct().count();
    return gpus == sameModel.size()
        ? deployment.modelName() + " on " + deployment.gpuId()
        : deployment.modelName() + " (" + deployment.deploymentId() + ")";
  }

  /**
   * The run's provenance for a measured capacity, the cost model's label otherwise; without any
   * token rescaling.
   */
  private static String provenance(DeploymentCost deployment, Map<String, Provenance> measured) {
    Provenance run = measured.get(deployment.modelName());
    String own = deployment.capacityProvenance();
    int rescaled = own.indexOf(RESCALED);
    String base = rescaled < 0 ? own : own.substring(0, rescaled);
    if (base.startsWith("measured") && run != null) {
      return "measured: " + run.label();
    }
    return base;
  }

  /** The provenance with the token rescaling the fleet used, when it used one. */
  private static String fleetProvenance(
      DeploymentCost deployment, Map<String, Provenance> measured) {
    int rescaled = deployment.capacityProvenance().indexOf(RESCALED);
    return provenance(deployment, measured)
        + (rescaled < 0 ? "" : deployment.capacityProvenance().substring(rescaled));
  }
}
