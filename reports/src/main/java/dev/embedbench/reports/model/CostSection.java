package dev.embedbench.reports.model;

import java.util.List;

/**
 * The cost comparison for one demand scenario.
 *
 * @param scenario what was priced, e.g. {@code "5,000,000 requests/day, peak x2, A10G at $0.95/h"}
 * @param baselineModel the model savings are measured against; empty string when there is none
 * @param qualityMetric the name of the quality score, e.g. {@code "MTEB multilingual mean"}
 */
public record CostSection(
    String scenario, String baselineModel, String qualityMetric, List<CostRow> rows) {

  public CostSection {
    if (scenario == null || scenario.isBlank()) {
      throw new IllegalArgumentException("scenario must not be blank");
    }
    baselineModel = baselineModel == null ? "" : baselineModel.strip();
    qualityMetric =
        qualityMetric == null || qualityMetric.isBlank() ? "quality score" : qualityMetric.strip();
    rows = List.copyOf(rows);
  }
}
