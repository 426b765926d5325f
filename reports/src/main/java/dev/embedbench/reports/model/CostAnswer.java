package dev.embedbench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * What a comparison answers, shown first in every output: per model the unit cost at its capacity
 * and the saving against the baseline, then the whole-instance fleet across demand. Written beside
 * the runs as {@code cost-answer.json} so that {@code report} rebuilds it from the run directory
 * alone.
 *
 * @param scenario what was priced, in words
 * @param baselineModel the row savings are measured against
 * @param requestsPerDay the scenario's demand
 * @param targetUtilisation share of capacity paid for and used
 * @param gpuPrices the one price of each GPU, in words
 * @param rows one per priced model, in scenario order
 * @param demand the whole-instance fleet from 1/100 to 100× the demand
 * @param breakEvens demands where whole-instance rounding erases, restores or flips a saving
 * @param claimedSavingPercent the saving the audited article claims, drawn on the demand chart;
 *     null when none
 * @param auditSentence one sentence on the article's claimed saving, from the audit; empty when
 *     there is none
 */
public record CostAnswer(
    String scenario,
    String baselineModel,
    double requestsPerDay,
    double targetUtilisation,
    List<String> gpuPrices,
    List<AnswerRow> rows,
    List<DemandRow> demand,
    List<BreakEvenRow> breakEvens,
    Double claimedSavingPercent,
    String auditSentence) {

  public CostAnswer {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(baselineModel, "baselineModel");
    gpuPrices = List.copyOf(gpuPrices);
    rows = List.copyOf(rows);
    demand = List.copyOf(demand);
    breakEvens = List.copyOf(breakEvens);
    auditSentence = auditSentence == null ? "" : auditSentence;
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("an answer needs at least one priced model");
    }
  }
}
