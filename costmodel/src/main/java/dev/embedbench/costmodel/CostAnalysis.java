package dev.embedbench.costmodel;

import dev.embedbench.costmodel.audit.AuditFinding;
import dev.embedbench.costmodel.audit.ClaimAudit;
import dev.embedbench.costmodel.cost.CostModel;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.scenario.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * What {@code embedbench cost} prints and the reports module renders: the priced comparison and,
 * when the scenario carries claims, their audit (empty otherwise).
 */
public record CostAnalysis(CostReport report, List<AuditFinding> audit) {

  public CostAnalysis {
    Objects.requireNonNull(report, "report");
    audit = List.copyOf(audit);
  }

  public static CostAnalysis of(Scenario scenario) {
    List<AuditFinding> audit =
        scenario
            .articleClaims()
            .map(c -> new ClaimAudit(scenario.models(), scenario.gpus()).audit(c))
            .orElse(List.of());
    return new CostAnalysis(CostModel.evaluate(scenario), audit);
  }
}
