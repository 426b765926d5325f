package dev.embedbench.reports.cost;

import static dev.embedbench.reports.ReportDocuments.assertShows;
import static dev.embedbench.reports.ReportDocuments.one;
import static dev.embedbench.reports.ReportDocuments.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.cost.DeploymentCost;
import dev.embedbench.costmodel.scenario.MeasuredCapacities;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import dev.embedbench.costmodel.scenario.TokenRescale;
import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.reports.read.CostReportFiles;
import dev.embedbench.reports.read.RunDirectoryReader;
import dev.embedbench.results.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The article scenario, priced and audited by the cost model, through the report. */
class CostAnalysisAdapterTest {

  @TempDir Path tmp;

  @Test
  void everyDeploymentAndFindingReachesTheReport() throws Exception {
    CostAnalysis analysis = CostAnalysis.of(ScenarioLoader.loadBundledArticle());
    CostReportFiles.Contents contents = CostAnalysisAdapter.contents(analysis, Map.of());
    List<CostRow> rows = contents.cost().orElseThrow().rows();
    assertEquals(analysis.report().deployments().size(), rows.size());
    assertEquals(analysis.audit().size(), contents.audit().size());
    assertEquals(
        analysis.audit().stream().filter(f -> f.flagged()).count(),
        contents.audit().stream().filter(f -> f.flagged()).count());

    // Through the file and back, as `report` would rebuild it later.
    Path runDir = tmp.resolve("run");
    CostReportFiles.write(contents, runDir);
    ReportInput input = RunDirectoryReader.read(List.of(runDir), "article", Instant.EPOCH);
    ReportFiles files = ReportWriter.write(input, tmp.resolve("out"));
    Document html = ReportDocuments.parse(Files.readString(files.html()), false);

    List<Element> tableRows = select(html, "//table[@id='table-cost']/tbody/tr");
    assertEquals(rows.size(), tableRows.size());
    for (int i = 0; i < rows.size(); i++) {
      DeploymentCost deployment = analysis.report().deployments().get(i);
      Element row = tableRows.get(i);
      assertShows(
          deployment.usdPerYear(),
          one(row, "td[@data-metric='usd-per-year']").getTextContent(),
          deployment.deploymentId() + " $/year");
      assertShows(
          deployment.usdPerMillionRequests(),
          one(row, "td[@data-metric='usd-per-million-requests']").getTextContent(),
          deployment.deploymentId());
      assertShows(
          deployment.replicasAtPeak(),
          one(row, "td[@data-metric='instances']").getTextContent(),
          "instances");
      assertShows(
          deployment.rooflineUsdPerMillionTokens(),
          one(row, "td[@data-metric='roofline-usd-per-million-tokens']").getTextContent(),
          "roofline");
      assertEquals(deployment.capacityProvenance(), select(row, "td").get(1).getTextContent());
      if (!deployment.deploymentId().equals(analysis.report().baselineId())) {
        assertShows(
            deployment.savingsVsBaselinePercent(),
            one(row, "td[@data-metric='savings']").getTextContent(),
            "savings");
      }
    }
    // The same model priced twice is told apart by its GPU.
    assertTrue(
        rows.stream().map(CostRow::modelName).distinct().count() == rows.size(),
        "row labels are distinct");
    List<Element> flagged =
        select(html, "//table[@id='table-audit']//td[@data-metric='verdict-flagged']");
    assertEquals(analysis.audit().stream().filter(f -> f.flagged()).count(), flagged.size());
    assertTrue(ReportDocuments.drawnElements(one(html, "//svg[@id='chart-cost']")) > 20);
  }

  @Test
  void measuredCapacityCarriesTheRunsProvenance() throws Exception {
    CostAnalysis analysis = CostAnalysis.of(ScenarioLoader.loadBundledArticle());
    String model = analysis.report().deployments().get(0).modelName();
    Provenance emulated =
        new Provenance(TargetKind.EMULATED, WeightsSource.UNKNOWN, Device.GPU, "A10G profile");
    // The article's capacities are stated, so a run's provenance must not relabel them as measured.
    CostRow row =
        CostAnalysisAdapter.costSection(analysis.report(), Map.of(model, emulated)).rows().get(0);
    assertEquals("stated", row.provenanceLabel());

    // A sweep written by the load generator, read by the cost model as the 8B's measured capacity.
    Path sweep = Path.of(getClass().getResource("/loadgen-golden-sweep").toURI());
    try (var dirs = Files.list(sweep)) {
      sweep = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    Scenario measured =
        MeasuredCapacities.apply(ScenarioLoader.loadBundledArticle(), "qwen3-8b=" + sweep, null);
    // The golden sweep ran 4.25-token inputs; the article is priced at 128: refused unless
    // rescaled, and labelled.
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> CostAnalysis.of(measured));
    assertTrue(
        refused.getMessage().contains("4.25 tokens per input")
            && refused.getMessage().contains("128"));
    Scenario rescaled =
        measured.withPolicy(measured.policy().withTokenRescale(TokenRescale.LINEAR));
    CostReport report = CostAnalysis.of(rescaled).report();
    DeploymentCost eight = report.deployment("qwen3-8b");
    assertEquals(
        "measured (emulated), rescaled 4.25→128 tokens (linear)", eight.capacityProvenance());
    int index = report.deployments().indexOf(eight);
    assertEquals(
        "measured: emulated · GPU · A10G profile, rescaled 4.25→128 tokens (linear)",
        CostAnalysisAdapter.costSection(report, Map.of(eight.modelName(), emulated))
            .rows()
            .get(index)
            .provenanceLabel());
    assertEquals(
        "measured (emulated), rescaled 4.25→128 tokens (linear)",
        CostAnalysisAdapter.costSection(report, Map.of()).rows().get(index).provenanceLabel(),
        "without the run's provenance, the cost model's own label");
  }
}
