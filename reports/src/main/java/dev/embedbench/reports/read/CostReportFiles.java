package dev.embedbench.reports.read;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.config.ConfigFiles;
import dev.embedbench.config.ConfigNode;
import dev.embedbench.reports.model.AuditFinding;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cost-report.json}: the cost comparison and claim audit of a run, stored in the run
 * directory so that {@code report} can rebuild the whole report later without re-running the cost
 * model.
 *
 * <pre>{"scenario": "...", "baseline_model": "...", "quality_metric": "...",
 *  "rows": [{"model", "provenance", "gpu", "capacity_rps", "instances", "usd_per_hour",
 *            "usd_per_million_requests", "usd_per_year", "savings_fraction"?, "usd_per_million_tokens"?,
 *            "roofline_usd_per_million_tokens"?, "quality_score"?, "usd_per_million_requests_per_quality_point"?}],
 *  "audit": [{"topic", "claim", "stated"?, "derived"?, "unit", "derivation", "verdict", "flagged", "note"}]}
 * </pre>
 */
public final class CostReportFiles {

  public static final String FILE = "cost-report.json";

  /** What the file holds: either part may be absent. */
  public record Contents(Optional<CostSection> cost, List<AuditFinding> audit) {

    public Contents {
      audit = List.copyOf(audit);
    }
  }

  private CostReportFiles() {}

  public static Path write(Contents contents, Path dir) throws IOException {
    ObjectNode root = ConfigFiles.json().createObjectNode();
    contents
        .cost()
        .ifPresent(
            cost -> {
              root.put("scenario", cost.scenario());
              root.put("baseline_model", cost.baselineModel());
              root.put("quality_metric", cost.qualityMetric());
              ArrayNode rows = root.putArray("rows");
              for (CostRow row : cost.rows()) {
                ObjectNode node = rows.addObject();
                node.put("model", row.modelName());
                node.put("provenance", row.provenanceLabel());
                node.put("gpu", row.gpuName());
                node.put("capacity_rps", row.capacityRequestsPerSecond());
                node.put("instances", row.instances());
                node.put("usd_per_hour", row.usdPerHour());
                node.put("usd_per_million_requests", row.usdPerMillionRequests());
                node.put("usd_per_year", row.usdPerYear());
                row.savingsFraction().ifPresent(value -> node.put("savings_fraction", value));
                row.usdPerMillionTokens()
                    .ifPresent(value -> node.put("usd_per_million_tokens", value));
                row.rooflineUsdPerMillionTokens()
                    .ifPresent(value -> node.put("roofline_usd_per_million_tokens", value));
                row.qualityScore().ifPresent(value -> node.put("quality_score", value));
                row.usdPerMillionRequestsPerQualityPoint()
                    .ifPresent(
                        value -> node.put("usd_per_million_requests_per_quality_point", value));
              }
            });
    ArrayNode audit = root.putArray("audit");
    for (AuditFinding finding : contents.audit()) {
      ObjectNode node = audit.addObject();
      node.put("topic", finding.topic());
      node.put("claim", finding.claim());
      finding.statedValue().ifPresent(value -> node.put("stated", value));
      finding.derivedValue().ifPresent(value -> node.put("derived", value));
      node.put("unit", finding.unit());
      node.put("derivation", finding.derivation());
      node.put("verdict", finding.verdict());
      node.put("flagged", finding.flagged());
      node.put("note", finding.note());
    }
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    ConfigFiles.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  static boolean present(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  static Contents read(Path dir) {
    ConfigNode root = ConfigFiles.read(dir.resolve(FILE), RunDirectoryException::at);
    if (!root.raw().isObject()) {
      throw root.error("must hold a JSON object");
    }
    Optional<CostSection> cost = Optional.empty();
    if (root.has("rows")) {
      List<CostRow> rows = new ArrayList<>();
      List<ConfigNode> rowNodes = root.list("rows");
      for (int i = 0; i < rowNodes.size(); i++) {
        ConfigNode row = rowNodes.get(i);
        try {
          rows.add(
              new CostRow(
                  row.text("model"),
                  row.text("provenance"),
                  row.text("gpu"),
                  row.number("capacity_rps"),
                  row.intValue("instances", 0),
                  row.number("usd_per_hour"),
                  row.number("usd_per_million_requests"),
                  row.number("usd_per_year"),
                  row.optionalNumber("savings_fraction"),
                  row.optionalNumber("quality_score"),
                  row.optionalNumber("usd_per_million_requests_per_quality_point"),
                  row.optionalNumber("usd_per_million_tokens"),
                  row.optionalNumber("roofline_usd_per_million_tokens")));
        } catch (IllegalArgumentException e) {
          throw root.error("rows[" + i + "]", e.getMessage());
        }
      }
      cost =
          Optional.of(
              new CostSection(
                  root.text("scenario"),
                  root.optionalText("baseline_model").orElse(""),
                  root.optionalText("quality_metric").orElse(""),
                  rows));
    }
    List<AuditFinding> audit = new ArrayList<>();
    if (root.has("audit")) {
      List<ConfigNode> findings = root.list("audit");
      for (int i = 0; i < findings.size(); i++) {
        ConfigNode finding = findings.get(i);
        try {
          audit.add(
              new AuditFinding(
                  finding.optionalText("topic").orElse(""),
                  finding.text("claim"),
                  finding.optionalNumber("stated"),
                  finding.optionalNumber("derived"),
                  finding.optionalText("unit").orElse(""),
                  finding.optionalText("derivation").orElse(""),
                  finding.text("verdict"),
                  finding.bool("flagged", false),
                  finding.optionalText("note").orElse("")));
        } catch (IllegalArgumentException e) {
          throw root.error("audit[" + i + "]", e.getMessage());
        }
      }
    }
    return new Contents(cost, audit);
  }
}
