package dev.embedbench.reports.csv;

import dev.embedbench.costmodel.render.Bounds;
import dev.embedbench.reports.model.AnswerRow;
import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.BreakEvenRow;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.DemandRow;
import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.ParetoFront;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.RunStats;
import dev.embedbench.reports.model.SweepStep;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the report's tables as CSV files, one per table. */
public final class CsvTables {

  public static final String MODELS_FILE = "report-models.csv";
  public static final String SWEEP_STEPS_FILE = "report-sweep-steps.csv";
  public static final String COST_FILE = "report-cost.csv";
  public static final String AUDIT_FILE = "report-audit.csv";
  public static final String ANSWER_FILE = "report-answer.csv";
  public static final String DEMAND_FILE = "report-demand.csv";
  public static final String BREAK_EVEN_FILE = "report-break-even.csv";

  private static final List<String> PROVENANCE_HEADERS =
      List.of("kind", "weights", "device", "provenance_detail");
  private static final List<String> LATENCY_SUFFIXES =
      List.of("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms");

  private CsvTables() {}

  /** Writes every table the input has and returns the files written. */
  public static List<Path> write(ReportInput input, Path outDir) throws IOException {
    List<Path> written = new ArrayList<>();
    if (input.answer().isPresent()) {
      CostAnswer answer = input.answer().get();
      written.add(writeAnswer(answer, outDir.resolve(ANSWER_FILE)));
      written.add(writeDemand(answer, outDir.resolve(DEMAND_FILE)));
      written.add(writeBreakEvens(answer, outDir.resolve(BREAK_EVEN_FILE)));
    }
    if (!input.models().isEmpty()) {
      written.add(writeModels(input.models(), outDir.resolve(MODELS_FILE)));
      if (input.models().stream().anyMatch(model -> model.sweep().isPresent())) {
        written.add(writeSweepSteps(input.models(), outDir.resolve(SWEEP_STEPS_FILE)));
      }
    }
    if (input.cost().isPresent() && !input.cost().get().rows().isEmpty()) {
      written.add(writeCost(input.cost().get(), outDir.resolve(COST_FILE)));
    }
    if (!input.audit().isEmpty()) {
      written.add(writeAudit(input.audit(), outDir.resolve(AUDIT_FILE)));
    }
    return written;
  }

  /**
   * The answer: the formatted figures (bounds written as bounds, as every other output writes them)
   * beside the plain values, which are left empty wherever the figure is a bound.
   */
  static Path writeAnswer(CostAnswer answer, Path file) throws IOException {
    List<String> headers =
        List.of(
            "model",
            "provenance",
            "gpu",
            "price_per_gpu_hour_usd",
            "capacity_req_per_s",
            "capacity_min_req_per_s",
            "capacity_max_req_per_s",
            "capacity_repeats",
            "capacity_lower_bound",
            "tokens_per_input",
            "tokens_stated",
            "usd_per_million_requests",
            "usd_per_million_tokens",
            "saving_vs_baseline",
            "saving_basis",
            "usd_per_million_requests_value",
            "saving_vs_baseline_value",
            "instances_at_demand",
            "usd_per_year_at_demand",
            "fleet_saving_percent",
            "token_note");
    boolean baselineBound =
        answer.rows().stream().anyMatch(r -> r.baseline() && r.capacityLowerBound());
    try (CSVPrinter csv = printer(file, headers)) {
      for (AnswerRow row : answer.rows()) {
        csv.printRecord(
            row.modelName(),
            row.provenanceLabel(),
            row.gpuName(),
            row.pricePerGpuHourUsd(),
            Bounds.capacity(
                row.capacityRequestsPerSec(),
                row.capacityMinRequestsPerSec(),
                row.capacityMaxRequestsPerSec(),
                row.capacityRepeats(),
                row.capacityLowerBound()),
            row.capacityMinRequestsPerSec(),
            row.capacityMaxRequestsPerSec(),
            row.capacityRepeats(),
            row.capacityLowerBound(),
            row.tokensPerInput(),
            row.tokensStated(),
            Bounds.usd(row.usdPerMillionRequests()),
            Bounds.usd(row.usdPerMillionTokens()),
            row.saving() == null ? "" : Bounds.saving(row.saving(), row.savingBasis()),
            row.savingBasis(),
            Bounds.plain(row.usdPerMillionRequests()) ? row.usdPerMillionRequests().value() : "",
            Bounds.plain(row.saving()) ? row.saving().value() : "",
            row.instancesAtDemand(),
            atMost(row.usdPerYearAtDemand(), row.capacityLowerBound()),
            row.fleetSavingPercent() == null
                ? ""
                : saving(row.fleetSavingPercent(), row.capacityLowerBound(), baselineBound),
            row.tokenNote());
      }
    }
    return file;
  }

  /**
   * One row per demand: per model its instances, yearly cost and saving (bounded where its capacity
   * is).
   */
  static Path writeDemand(CostAnswer answer, Path file) throws IOException {
    List<String> headers = new ArrayList<>(List.of("requests_per_day"));
    for (AnswerRow row : answer.rows()) {
      headers.add(row.modelName() + " instances");
      headers.add(row.modelName() + " usd_per_year");
      headers.add(row.modelName() + " saving_percent");
    }
    boolean baselineBound =
        answer.rows().stream().anyMatch(r -> r.baseline() && r.capacityLowerBound());
    try (CSVPrinter csv = printer(file, headers)) {
      for (DemandRow demand : answer.demand()) {
        List<Object> record = new ArrayList<>(List.of(demand.requestsPerDay()));
        for (AnswerRow row : answer.rows()) {
          record.add(demand.instances().get(row.modelName()));
          record.add(atMost(demand.usdPerYear().get(row.modelName()), row.capacityLowerBound()));
          record.add(
              row.baseline()
                  ? ""
                  : saving(
                      demand.savingPercent().get(row.modelName()),
                      row.capacityLowerBound(),
                      baselineBound));
        }
        csv.printRecord(record);
      }
    }
    return file;
  }

  static Path writeBreakEvens(CostAnswer answer, Path file) throws IOException {
    try (CSVPrinter csv =
        printer(
            file,
            List.of(
                "model",
                "requests_per_day",
                "change",
                "saving_below_percent",
                "saving_above_percent"))) {
      boolean baselineBound =
          answer.rows().stream().anyMatch(r -> r.baseline() && r.capacityLowerBound());
      for (BreakEvenRow b : answer.breakEvens()) {
        boolean bound =
            answer.rows().stream()
                .anyMatch(r -> r.modelName().equals(b.modelName()) && r.capacityLowerBound());
        csv.printRecord(
            b.modelName(),
            b.requestsPerDay(),
            b.change(),
            saving(b.savingBelowPercent(), bound, baselineBound),
            saving(b.savingAbovePercent(), bound, baselineBound));
      }
    }
    return file;
  }

  /** A cost in dollars as a number, or {@code ≤ n} when it comes from a lower-bound capacity. */
  private static Object atMost(double usd, boolean lowerBound) {
    return lowerBound ? "≤ " + usd : usd;
  }

  /**
   * A whole-instance saving in percent as a number, {@code ≥ n} from a lower bound, {@code unknown}
   * against one.
   */
  private static Object saving(double percent, boolean lowerBound, boolean baselineLowerBound) {
    return baselineLowerBound ? "unknown" : lowerBound ? "≥ " + percent : percent;
  }

  static Path writeModels(List<ModelReport> models, Path file) throws IOException {
    List<String> headers = new ArrayList<>(List.of("model"));
    headers.addAll(PROVENANCE_HEADERS);
    headers.addAll(
        List.of(
            "target_rate_per_s", "achieved_rate_per_s", "scheduled", "ok", "failed", "not_sent"));
    LATENCY_SUFFIXES.forEach(suffix -> headers.add("response_" + suffix));
    LATENCY_SUFFIXES.forEach(suffix -> headers.add("service_" + suffix));
    headers.addAll(List.of("samples", "valid", "partial", "source_dirs"));
    try (CSVPrinter csv = printer(file, headers)) {
      for (ModelReport model : models) {
        RunStats stats = model.headline();
        List<Object> record = new ArrayList<>();
        record.add(model.modelName());
        record.addAll(provenance(model.provenance()));
        record.add(optional(stats.targetRatePerSecond()));
        record.add(stats.achievedRatePerSecond());
        record.add(stats.requests().scheduled());
        record.add(stats.requests().ok());
        record.add(stats.requests().failed());
        record.add(stats.requests().notSent());
        record.addAll(latencies(stats.responseTime()));
        record.addAll(latencies(stats.serviceTime()));
        record.add(stats.responseSpectrum().sampleCount());
        record.add(stats.valid());
        record.add(stats.partial());
        record.add(String.join(";", stats.sourceDirs()));
        csv.printRecord(record);
      }
    }
    return file;
  }

  static Path writeSweepSteps(List<ModelReport> models, Path file) throws IOException {
    List<String> headers = new ArrayList<>(List.of("model"));
    headers.addAll(PROVENANCE_HEADERS);
    headers.addAll(
        List.of(
            "step",
            "target_rate_per_s",
            "achieved_rate_per_s",
            "response_p50_ms",
            "response_p99_ms",
            "error_fraction",
            "not_sent",
            "met_slo",
            "slo_p99_ms",
            "slo_max_error_fraction",
            "reasons"));
    try (CSVPrinter csv = printer(file, headers)) {
      for (ModelReport model : models) {
        if (model.sweep().isEmpty()) {
          continue;
        }
        var sweep = model.sweep().orElseThrow();
        for (SweepStep step : sweep.steps()) {
          RunStats stats = step.stats();
          List<Object> record = new ArrayList<>();
          record.add(model.modelName());
          record.addAll(provenance(model.provenance()));
          record.add(step.index());
          record.add(optional(stats.targetRatePerSecond()));
          record.add(stats.achievedRatePerSecond());
          record.add(stats.responseTime().p50Millis());
          record.add(stats.responseTime().p99Millis());
          record.add(stats.requests().errorFraction());
          record.add(stats.requests().notSent());
          record.add(step.metSlo());
          record.add(sweep.slo().p99Millis());
          record.add(sweep.slo().maxErrorRate());
          record.add(String.join("; ", step.reasons()));
          csv.printRecord(record);
        }
      }
    }
    return file;
  }

  static Path writeCost(CostSection cost, Path file) throws IOException {
    List<String> headers =
        List.of(
            "model",
            "capacity_provenance",
            "gpu",
            "capacity_requests_per_s",
            "instances",
            "usd_per_hour",
            "usd_per_million_requests",
            "usd_per_year",
            "savings_fraction",
            "usd_per_million_tokens",
            "roofline_usd_per_million_tokens",
            "quality_score",
            "usd_per_million_requests_per_quality_point",
            "pareto_front",
            "baseline",
            "scenario",
            "quality_metric");
    List<CostRow> front = ParetoFront.of(cost.rows());
    try (CSVPrinter csv = printer(file, headers)) {
      for (CostRow row : cost.rows()) {
        csv.printRecord(
            row.modelName(),
            row.provenanceLabel(),
            row.gpuName(),
            row.capacityRequestsPerSecond(),
            row.instances(),
            row.usdPerHour(),
            row.usdPerMillionRequests(),
            row.usdPerYear(),
            optional(row.savingsFraction()),
            optional(row.usdPerMillionTokens()),
            optional(row.rooflineUsdPerMillionTokens()),
            optional(row.qualityScore()),
            optional(row.usdPerMillionRequestsPerQualityPoint()),
            front.contains(row),
            row.modelName().equals(cost.baselineModel()),
            cost.scenario(),
            cost.qualityMetric());
      }
    }
    return file;
  }

  static Path writeAudit(List<AuditFinding> findings, Path file) throws IOException {
    List<String> headers =
        List.of(
            "topic",
            "claim",
            "unit",
            "stated",
            "derived",
            "relative_difference",
            "verdict",
            "flagged",
            "derivation",
            "note");
    try (CSVPrinter csv = printer(file, headers)) {
      for (AuditFinding finding : findings) {
        csv.printRecord(
            finding.topic(),
            finding.claim(),
            finding.unit(),
            optional(finding.statedValue()),
            optional(finding.derivedValue()),
            optional(finding.relativeDifference()),
            finding.verdict(),
            finding.flagged(),
            finding.derivation(),
            finding.note());
      }
    }
    return file;
  }

  private static CSVPrinter printer(Path file, List<String> headers) throws IOException {
    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return CSVFormat.DEFAULT
        .builder()
        .setHeader(headers.toArray(String[]::new))
        .get()
        .print(writer);
  }

  private static List<Object> provenance(Provenance provenance) {
    return List.of(
        provenance.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        provenance.weights().name().toLowerCase(java.util.Locale.ROOT),
        provenance.device().name().toLowerCase(java.util.Locale.ROOT),
        provenance.detail());
  }

  private static List<Object> latencies(LatencyPercentiles latency) {
    return List.of(
        latency.p50Millis(),
        latency.p90Millis(),
        latency.p99Millis(),
        latency.p999Millis(),
        latency.maxMillis(),
        latency.meanMillis());
  }

  private static Object optional(Optional<Double> value) {
    return value.<Object>map(v -> v).orElse("");
  }
}
