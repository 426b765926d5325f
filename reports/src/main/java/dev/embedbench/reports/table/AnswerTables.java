package dev.embedbench.reports.table;

import dev.embedbench.costmodel.render.Bounds;
import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.AnswerRow;
import dev.embedbench.reports.model.BreakEvenRow;
import dev.embedbench.reports.model.CostAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer's tables. The console, {@code report.md} and the HTML report's first box all print
 * {@link #headline}, so their figures agree by construction; a bound is written as one ({@code ≥
 * 93.4%}, {@code ≤ $0.54}, {@code unknown}) by {@link Bounds}, as {@code embedbench cost} writes
 * it.
 */
public final class AnswerTables {

  private AnswerTables() {}

  public static Table headline(CostAnswer answer) {
    List<String> headers =
        List.of(
            "Model",
            "Capacity from",
            "GPU at one price",
            "Capacity (req/s per instance)",
            "Tokens per input",
            "USD per million requests",
            "USD per million tokens",
            "Saving vs baseline");
    List<Row> rows = new ArrayList<>();
    for (AnswerRow row : answer.rows()) {
      rows.add(
          new Row(
              row.modelName(),
              List.of(
                  Cell.text("model", row.modelName() + (row.baseline() ? " (baseline)" : "")),
                  Cell.text("provenance", row.provenanceLabel()),
                  Cell.text(
                      "gpu-price",
                      row.gpuName() + " at " + Figures.usd(row.pricePerGpuHourUsd()) + "/h"),
                  Cell.number(
                      "capacity-per-s",
                      Bounds.capacity(
                          row.capacityRequestsPerSec(),
                          row.capacityMinRequestsPerSec(),
                          row.capacityMaxRequestsPerSec(),
                          row.capacityRepeats(),
                          row.capacityLowerBound())),
                  Cell.number(
                      "tokens-per-input",
                      Figures.number(row.tokensPerInput())
                          + (row.tokensStated() ? "" : " (assumed)")),
                  Cell.number(
                      "unit-usd-per-million-requests", Bounds.usd(row.usdPerMillionRequests())),
                  Cell.number("unit-usd-per-million-tokens", Bounds.usd(row.usdPerMillionTokens())),
                  Cell.number("unit-saving", Bounds.saving(row.saving(), row.savingBasis())))));
    }
    return new Table(
        "table-answer",
        "Unit cost at measured capacity: price per hour / (capacity × 3600 × "
            + Figures.percent(answer.targetUtilisation())
            + " target utilisation) × 10⁶, paying only for the GPU time "
            + "used, at the token length each capacity holds at; saving = 1 − unit cost / the baseline's. "
            + "≥ / ≤ mark bounds (a capacity nothing above which failed); a range is over repeated measurements.",
        headers,
        rows);
  }

  /** The whole-instance fleet at the scenario's demand: the second view. */
  public static Table fleet(CostAnswer answer) {
    List<String> headers =
        List.of(
            "Model",
            "Capacity from",
            "Instances",
            "USD/year",
            "Saving (whole instances)",
            "Saving (unit cost)",
            "Capacity at the demand's length");
    boolean baselineBound =
        answer.rows().stream().anyMatch(r -> r.baseline() && r.capacityLowerBound());
    List<Row> rows = new ArrayList<>();
    for (AnswerRow row : answer.rows()) {
      rows.add(
          new Row(
              row.modelName(),
              List.of(
                  Cell.text("model", row.modelName() + (row.baseline() ? " (baseline)" : "")),
                  Cell.text("provenance", row.provenanceLabel()),
                  Cell.number(
                      "instances",
                      (row.capacityLowerBound() ? "≤ " : "") + row.instancesAtDemand()),
                  Cell.number(
                      "usd-per-year",
                      Bounds.fleetUsd(row.usdPerYearAtDemand(), row.capacityLowerBound())),
                  Cell.number(
                      "fleet-saving",
                      row.fleetSavingPercent() == null
                          ? "—"
                          : Bounds.fleetSaving(
                              row.fleetSavingPercent(), row.capacityLowerBound(), baselineBound)),
                  Cell.number("unit-saving", Bounds.saving(row.saving(), row.savingBasis())),
                  Cell.text(
                      "token-note", row.tokenNote().isEmpty() ? "as measured" : row.tokenNote()))));
    }
    return new Table(
        "table-fleet",
        "Whole instances at "
            + Figures.number(answer.requestsPerDay())
            + " requests/day ("
            + answer.scenario()
            + "): rounding up to whole always-on instances, which the unit cost "
            + "does not do. One price per GPU: "
            + String.join("; ", answer.gpuPrices())
            + ".",
        headers,
        rows);
  }

  public static Table breakEvens(CostAnswer answer) {
    List<String> headers =
        List.of(
            "Model", "Demand (requests/day)", "What happens", "Saving below", "Saving from there");
    boolean baselineBound =
        answer.rows().stream().anyMatch(r -> r.baseline() && r.capacityLowerBound());
    List<Row> rows = new ArrayList<>();
    for (BreakEvenRow b : answer.breakEvens()) {
      boolean bound =
          answer.rows().stream()
              .anyMatch(r -> r.modelName().equals(b.modelName()) && r.capacityLowerBound());
      rows.add(
          new Row(
              b.modelName(),
              List.of(
                  Cell.text("model", b.modelName()),
                  Cell.number("requests-per-day", Figures.number(b.requestsPerDay())),
                  Cell.text(
                      "change",
                      b.change()
                          + (bound || baselineBound ? " (at the lower-bound capacity)" : "")),
                  Cell.number(
                      "saving-below",
                      Bounds.fleetSaving(b.savingBelowPercent(), bound, baselineBound)),
                  Cell.number(
                      "saving-above",
                      Bounds.fleetSaving(b.savingAbovePercent(), bound, baselineBound)))));
    }
    return new Table(
        "table-break-even",
        "Break-even demands between 1/100 and 100× the scenario's: where rounding "
            + "to whole instances erases, restores or flips a saving against "
            + answer.baselineModel()
            + ".",
        headers,
        rows);
  }
}
