package dev.embedbench.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one report shows.
 *
 * @param sourceDirs the run directories read, as given
 * @param cost the cost comparison, when the runs carry one
 * @param audit claim-audit findings; empty when the run has none
 * @param answer unit costs at capacity and the fleet across demand, when the runs were priced
 */
public record ReportInput(
    String title,
    Instant generatedAt,
    List<String> sourceDirs,
    List<ModelReport> models,
    Optional<CostSection> cost,
    List<AuditFinding> audit,
    Optional<CostAnswer> answer) {

  public ReportInput {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    Objects.requireNonNull(generatedAt, "generatedAt must not be null");
    Objects.requireNonNull(cost, "cost must not be null (use Optional.empty())");
    sourceDirs = List.copyOf(sourceDirs);
    models = List.copyOf(models);
    audit = List.copyOf(audit);
    answer = answer == null ? Optional.empty() : answer;
    if (models.isEmpty() && cost.isEmpty() && audit.isEmpty()) {
      throw new IllegalArgumentException(
          "a report needs at least one model, a cost section or an audit");
    }
  }

  /**
   * Without an answer (reports of runs that were not priced, or priced before answers were
   * written).
   */
  public ReportInput(
      String title,
      Instant generatedAt,
      List<String> sourceDirs,
      List<ModelReport> models,
      Optional<CostSection> cost,
      List<AuditFinding> audit) {
    this(title, generatedAt, sourceDirs, models, cost, audit, Optional.empty());
  }

  public ReportInput withAnswer(Optional<CostAnswer> newAnswer) {
    return new ReportInput(title, generatedAt, sourceDirs, models, cost, audit, newAnswer);
  }

  /** The model report for a name, if present. */
  public Optional<ModelReport> model(String modelName) {
    return models.stream().filter(model -> model.modelName().equals(modelName)).findFirst();
  }
}
