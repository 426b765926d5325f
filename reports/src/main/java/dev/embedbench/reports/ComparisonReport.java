package dev.embedbench.reports;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.reports.cost.CostAnalysisAdapter;
import dev.embedbench.reports.cost.CostAnswerFiles;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.read.CostReportFiles;
import dev.embedbench.reports.read.ProvenanceFiles;
import dev.embedbench.reports.text.ConsoleTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one call {@code compare} makes once its sweeps have run: it stores what only the caller knows
 * (provenance of each model, the cost analysis) in the run directory, then builds the report from
 * the directory alone, exactly as {@code embedbench report RUN_DIR} would rebuild it later.
 */
public final class ComparisonReport {

  /** What was written, the input it was built from, and the console table to print. */
  public record Result(ReportInput input, ReportFiles files, String consoleTable) {}

  private ComparisonReport() {}

  /**
   * @param runDir the comparison's run directory, holding the sweeps (or runs) of every model
   * @param provenance by model name, as the runs name the models
   * @param analysis the cost model's analysis of the scenario, when one was priced
   */
  public static Result write(
      Path runDir,
      String title,
      Map<String, Provenance> provenance,
      Optional<CostAnalysis> analysis)
      throws IOException {
    ProvenanceFiles.write(provenance, runDir);
    if (analysis.isPresent()) {
      CostReportFiles.write(CostAnalysisAdapter.contents(analysis.get(), provenance), runDir);
      CostAnswerFiles.write(CostAnalysisAdapter.answer(analysis.get(), provenance), runDir);
    }
    ReportInput input = ReportInputs.read(List.of(runDir), title, Instant.now());
    ReportFiles files = ReportWriter.write(input, runDir);
    return new Result(input, files, ConsoleTable.render(input));
  }
}
