package dev.embedbench.cli.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.embedbench.reports.cost.CostAnswerFiles;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.table.AnswerTables;
import dev.embedbench.reports.table.Row;
import dev.embedbench.reports.table.Table;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.SweepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ComparisonRun#RUN_FILE} beside the sweeps: what was run, how it was priced, and whether it
 * finished. Written again as the run goes, so that a stopped comparison still leaves one.
 */
final class ComparisonRunFile {

  private final Path file;
  private final CompareConfig config;
  private final int repeats;
  private final Instant startedAt;

  ComparisonRunFile(Path file, CompareConfig config, int repeats, Instant startedAt) {
    this.file = file;
    this.config = config;
    this.repeats = repeats;
    this.startedAt = startedAt;
  }

  void write(
      String title,
      String stopReason,
      boolean partial,
      Map<String, Provenance> provenance,
      Map<String, SweepResult> sweeps,
      List<String> notes,
      Optional<CostAnswer> answer)
      throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", 1);
    out.put("title", title);
    out.put("config", ComparisonRun.CONFIG_COPY);
    out.put("quick", config.quick());
    out.put("repeat", repeats);
    out.put("started_at", startedAt.toString());
    out.put("ended_at", Instant.now().toString());
    out.put("partial", partial);
    out.put("stop_reason", stopReason);
    out.put(
        "slo",
        Map.of("p99_ms", config.slo().p99Millis(), "max_error_rate", config.slo().maxErrorRate()));
    List<Map<String, Object>> models = new ArrayList<>();
    for (ModelPlan model : config.models()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", model.name());
      Provenance p = provenance.get(model.name());
      entry.put("provenance", p == null ? null : p.label());
      SweepResult sweep = sweeps.get(model.name());
      entry.put("sweep", sweep == null ? null : model.name() + "/sweep.json");
      entry.put("best_rate", sweep == null ? null : sweep.bestRate());
      entry.put(
          "capacity",
          sweep == null || sweep.capacity() == null
              ? null
              : ResultJson.MAPPER.valueToTree(sweep.capacity()));
      entry.put("status", sweep == null ? "not run" : sweep.partial() ? "partial" : "complete");
      entry.put("priced_as", model.deployment());
      models.add(entry);
    }
    out.put("models", models);
    answer.ifPresent(a -> out.put("answer", answerJson(a)));
    out.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
  }

  /**
   * The answer as the console's last table writes it, one object per priced model keyed by the
   * table's column metrics (bounds written as bounds: {@code ≥ 93.4%}); the raw figures are in
   * {@code cost-answer.json}.
   */
  private static Map<String, Object> answerJson(CostAnswer answer) {
    Table headline = AnswerTables.headline(answer);
    List<Map<String, String>> rows = new ArrayList<>();
    for (Row row : headline.rows()) {
      Map<String, String> cells = new LinkedHashMap<>();
      row.cells().forEach(cell -> cells.put(cell.metric(), cell.text()));
      rows.add(cells);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseline", answer.baselineModel());
    out.put("target_utilisation", answer.targetUtilisation());
    out.put("gpu_prices", answer.gpuPrices());
    out.put("unit_costs", rows);
    out.put("audit", answer.auditSentence());
    out.put("figures", CostAnswerFiles.FILE);
    return out;
  }
}
