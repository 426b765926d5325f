package dev.embedbench.reports.cost;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.cost.DeploymentCost;
import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.read.CostReportFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cost model's analysis as the report's cost section and audit. */
public final class CostAnalysisAdapter {

  private CostAnalysisAdapter() {
  }

  /**
   * @param measured the provenance of the models measured in this run, by model name: a measured capacity of
   *     such a model is labelled with it ({@code measured: emulated · GPU · A10G profile}) instead of the cost
   *     model's shorter {@code measured (emulated)}
   */
  public static CostReportFiles.Contents contents(CostAnalysis analysis, Map<String, Provenance> measured) {
    return new CostReportFiles.Contents(Optional.of(costSection(analysis.report(), measured)),
        audit(analysis.audit()));
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
      rows.add(new CostRow(label, provenance(deployment, measured), deployment.gpuId(),
          deployment.capacityRequestsPerSecPerReplica(), deployment.replicasAtPeak(), deployment.usdPerHour(),
          deployment.usdPerMillionRequests(), deployment.usdPerYear(),
          isBaseline ? Optional.empty() : Optional.of(deployment.savingsVsBaselinePercent() / 100),
          Optional.ofNullable(deployment.qualityScore()),
          Optional.ofNullable(deployment.usdPerMillionRequestsPerQualityPoint()),
          Optional.of(deployment.usdPerMillionTokens()), Optional.of(deployment.rooflineUsdPerMillionTokens())));
    }
    String scenario = report.scenarioName() + ": " + Figures.number(report.requestsPerDay()) + " requests/day, peak ×"
        + Figures.number(report.peakToAverage()) + ", " + Figures.number(report.inputsPerRequest()) + " input(s) of "
        + report.tokensPerInput() + " tokens per request, SLO " + report.slo() + ", target utilisation "
        + Figures.percent(report.targetUtilisation());
    return new CostSection(scenario, baseline, report.qualityBenchmark(), rows);
  }

  public static List<AuditFinding> audit(List<dev.embedbench.costmodel.audit.AuditFinding> findings) {
    List<AuditFinding> audit = new ArrayList<>();
    for (dev.embedbench.costmodel.audit.AuditFinding finding : findings) {
      String note = finding.note().isBlank() ? "" : finding.note() + " ";
      audit.add(new AuditFinding(finding.topic(), finding.claim(), Optional.ofNullable(finding.claimedValue()),
          Optional.ofNullable(finding.derivedValue()), finding.unit(), finding.derivation(), finding.verdict().label(),
          finding.flagged(), note + "(Tolerance: " + finding.tolerance() + ".)"));
    }
    return audit;
  }

  /** The model's name, with the GPU when the scenario prices the same model more than once. */
  private static String label(DeploymentCost deployment, List<DeploymentCost> all) {
    long sameModel = all.stream().filter(other -> other.modelName().equals(deployment.modelName())).count();
    return sameModel == 1 ? deployment.modelName() : deployment.modelName() + " on " + deployment.gpuId();
  }

  private static String provenance(DeploymentCost deployment, Map<String, Provenance> measured) {
    Provenance run = measured.get(deployment.modelName());
    if (deployment.capacityProvenance().startsWith("measured") && run != null) {
      return "measured: " + run.label();
    }
    return deployment.capacityProvenance();
  }
}
