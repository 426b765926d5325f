package dev.embedbench.reports.table;

import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.ParetoFront;
import dev.embedbench.reports.model.RequestCounts;
import dev.embedbench.reports.model.RunStats;
import dev.embedbench.reports.model.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the report's tables. Every model row carries its provenance column. */
public final class ReportTables {

  private ReportTables() {}

  public static Table models(List<ModelReport> models) {
    List<String> headers =
        List.of(
            "Model",
            "Provenance",
            "Target rate (req/s)",
            "Achieved rate (req/s)",
            "p50 (ms)",
            "p90 (ms)",
            "p99 (ms)",
            "p99.9 (ms)",
            "max (ms)",
            "mean (ms)",
            "service p50 (ms)",
            "service p99 (ms)",
            "OK",
            "Failed",
            "Not sent",
            "Status");
    List<Row> rows = new ArrayList<>();
    for (ModelReport model : models) {
      RunStats stats = model.headline();
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text("model", model.modelName()));
      cells.add(Cell.text("provenance", model.provenance().label()));
      cells.add(
          Cell.number(
              "target-rate-per-s",
              stats.targetRatePerSecond().map(Figures::number).orElse("closed loop")));
      cells.add(Cell.number("achieved-rate-per-s", Figures.number(stats.achievedRatePerSecond())));
      addLatencies(cells, "", stats.responseTime());
      cells.add(Cell.number("service-p50-ms", Figures.number(stats.serviceTime().p50Millis())));
      cells.add(Cell.number("service-p99-ms", Figures.number(stats.serviceTime().p99Millis())));
      RequestCounts requests = stats.requests();
      cells.add(Cell.number("ok", Figures.number(requests.ok())));
      cells.add(Cell.number("failed", Figures.number(requests.failed())));
      cells.add(Cell.number("not-sent", Figures.number(requests.notSent())));
      cells.add(Cell.text("status", status(stats)));
      rows.add(new Row(model.modelName(), cells));
    }
    return new Table(
        "table-models",
        "Latency and throughput per model (for a sweep: the highest rate that met "
            + "the SLO). Latency is the response time from the intended send; service time is from the actual send.",
        headers,
        rows);
  }

  public static Table sweepSteps(List<ModelReport> models) {
    List<String> headers =
        List.of(
            "Model",
            "Provenance",
            "Step",
            "Target rate (req/s)",
            "Achieved rate (req/s)",
            "p50 (ms)",
            "p99 (ms)",
            "Error rate",
            "Not sent",
            "Met SLO",
            "SLO",
            "Why not");
    List<Row> rows = new ArrayList<>();
    for (ModelReport model : models) {
      if (model.sweep().isEmpty()) {
        continue;
      }
      var sweep = model.sweep().orElseThrow();
      String slo =
          "p99 ≤ "
              + Figures.millis(sweep.slo().p99Millis())
              + ", errors ≤ "
              + Figures.percent(sweep.slo().maxErrorRate());
      for (SweepStep step : sweep.steps()) {
        RunStats stats = step.stats();
        rows.add(
            new Row(
                model.modelName(),
                List.of(
                    Cell.text("model", model.modelName()),
                    Cell.text("provenance", model.provenance().label()),
                    Cell.number("step", Integer.toString(step.index())),
                    Cell.number(
                        "target-rate-per-s",
                        stats.targetRatePerSecond().map(Figures::number).orElse("closed loop")),
                    Cell.number(
                        "achieved-rate-per-s", Figures.number(stats.achievedRatePerSecond())),
                    Cell.number("p50-ms", Figures.number(stats.responseTime().p50Millis())),
                    Cell.number("p99-ms", Figures.number(stats.responseTime().p99Millis())),
                    Cell.number("error-rate", Figures.percent(stats.requests().errorFraction())),
                    Cell.number("not-sent", Figures.number(stats.requests().notSent())),
                    Cell.text("met-slo", step.metSlo() ? "yes" : "no"),
                    Cell.text("slo", slo),
                    Cell.text("reasons", String.join("; ", step.reasons())))));
      }
    }
    return new Table("table-sweep-steps", "Every sweep step, in the order it ran.", headers, rows);
  }

  public static Table cost(CostSection cost) {
    List<String> headers =
        List.of(
            "Model",
            "Capacity from",
            "GPU",
            "Capacity (req/s per instance)",
            "Instances",
            "USD/hour",
            "USD per million requests",
            "USD/year",
            "Savings vs baseline",
            "USD per million tokens",
            "Roofline floor (USD per million tokens)",
            cost.qualityMetric(),
            "USD per million requests per quality point",
            "Pareto front");
    List<CostRow> front = ParetoFront.of(cost.rows());
    List<Row> rows = new ArrayList<>();
    for (CostRow row : cost.rows()) {
      boolean baseline = row.modelName().equals(cost.baselineModel());
      rows.add(
          new Row(
              row.modelName(),
              List.of(
                  Cell.text("model", row.modelName() + (baseline ? " (baseline)" : "")),
                  Cell.text("provenance", row.provenanceLabel()),
                  Cell.text("gpu", row.gpuName()),
                  Cell.number("capacity-per-s", Figures.number(row.capacityRequestsPerSecond())),
                  Cell.number("instances", Integer.toString(row.instances())),
                  Cell.number("usd-per-hour", Figures.usd(row.usdPerHour())),
                  Cell.number("usd-per-million-requests", Figures.usd(row.usdPerMillionRequests())),
                  Cell.number("usd-per-year", Figures.usd(row.usdPerYear())),
                  Cell.number("savings", row.savingsFraction().map(Figures::percent).orElse("—")),
                  Cell.number(
                      "usd-per-million-tokens",
                      row.usdPerMillionTokens().map(Figures::usd).orElse("—")),
                  Cell.number(
                      "roofline-usd-per-million-tokens",
                      row.rooflineUsdPerMillionTokens().map(Figures::usd).orElse("—")),
                  Cell.number("quality", row.qualityScore().map(Figures::number).orElse("—")),
                  Cell.number(
                      "usd-per-million-requests-per-quality-point",
                      row.usdPerMillionRequestsPerQualityPoint().map(Figures::usd).orElse("—")),
                  Cell.text(
                      "pareto",
                      row.qualityScore().isEmpty() ? "—" : front.contains(row) ? "yes" : "no"))));
    }
    return new Table(
        "table-cost",
        "Cost for " + cost.scenario() + ". Capacity per instance is labelled with its " + "source.",
        headers,
        rows);
  }

  public static Table audit(List<AuditFinding> findings) {
    List<String> headers =
        List.of(
            "Topic", "Claim", "Stated", "Derived", "Difference", "Verdict", "Derivation", "Note");
    List<Row> rows = new ArrayList<>();
    for (AuditFinding finding : findings) {
      String unit = finding.unit().isEmpty() ? "" : " " + finding.unit();
      rows.add(
          new Row(
              finding.claim(),
              List.of(
                  Cell.text("topic", finding.topic()),
                  Cell.text("claim", finding.claim()),
                  Cell.number(
                      "stated",
                      finding.statedValue().map(v -> Figures.number(v) + unit).orElse("—")),
                  Cell.number(
                      "derived",
                      finding.derivedValue().map(v -> Figures.number(v) + unit).orElse("—")),
                  Cell.number(
                      "difference",
                      finding.relativeDifference().map(ReportTables::signedPercent).orElse("—")),
                  Cell.text(finding.flagged() ? "verdict-flagged" : "verdict", finding.verdict()),
                  Cell.text("derivation", finding.derivation()),
                  Cell.text("note", finding.note()))));
    }
    return new Table(
        "table-audit",
        "Claim audit: each stated figure beside the same figure derived another way "
            + "from the claim's own inputs. Flagged verdicts disagree beyond the audit's tolerance.",
        headers,
        rows);
  }

  /** "Model — provenance" for every model, as the caption under each chart. */
  public static String provenanceLine(List<ModelReport> models) {
    return models.stream()
        .map(model -> model.modelName() + ": " + model.provenance().label())
        .collect(Collectors.joining("; "));
  }

  private static void addLatencies(List<Cell> cells, String prefix, LatencyPercentiles latency) {
    cells.add(Cell.number(prefix + "p50-ms", Figures.number(latency.p50Millis())));
    cells.add(Cell.number(prefix + "p90-ms", Figures.number(latency.p90Millis())));
    cells.add(Cell.number(prefix + "p99-ms", Figures.number(latency.p99Millis())));
    cells.add(Cell.number(prefix + "p999-ms", Figures.number(latency.p999Millis())));
    cells.add(Cell.number(prefix + "max-ms", Figures.number(latency.maxMillis())));
    cells.add(Cell.number(prefix + "mean-ms", Figures.number(latency.meanMillis())));
  }

  private static String status(RunStats stats) {
    List<String> parts = new ArrayList<>();
    parts.add(stats.valid() ? "valid" : "INVALID (generator fell behind)");
    if (stats.partial()) {
      parts.add("partial");
    }
    if (stats.merged()) {
      parts.add("merged from " + stats.sourceDirs().size() + " runs");
    }
    return String.join(", ", parts);
  }

  private static String signedPercent(double fraction) {
    return (fraction > 0 ? "+" : "") + Figures.percent(fraction);
  }
}
