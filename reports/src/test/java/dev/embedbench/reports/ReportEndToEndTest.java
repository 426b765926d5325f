package dev.embedbench.reports;

import static dev.embedbench.reports.ReportDocuments.assertShows;
import static dev.embedbench.reports.ReportDocuments.drawnElements;
import static dev.embedbench.reports.ReportDocuments.one;
import static dev.embedbench.reports.ReportDocuments.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.reports.csv.CsvTables;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.read.RunDirectoryReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a comparison's run directories, builds the report from them, and reads every output back:
 * the figures shown must be the figures in the run's summary and cost files.
 */
class ReportEndToEndTest {

  private static final List<String> MODELS =
      List.of("Qwen3-Embedding-0.6B", "Qwen3-Embedding-8B", "BGE-M3");
  private static final Map<String, String> PROVENANCE =
      Map.of(
          "Qwen3-Embedding-0.6B",
              "in-process · synthetic weights · CPU · random weights, 0.6B shapes",
          "Qwen3-Embedding-8B", "emulated · GPU · A10G profile",
          "BGE-M3", "emulated · GPU · A10G profile");

  @TempDir static Path tmp;
  static Path runDir;
  static ReportFiles files;
  static Document html;

  @BeforeAll
  static void writeReport() throws Exception {
    runDir = RunFixtures.writeComparison(tmp.resolve("runs/20261126T180000Z-compare"));
    ReportInput input =
        RunDirectoryReader.read(
            List.of(runDir), "Embedding models compared", Instant.parse("2026-11-26T18:00:00Z"));
    files = ReportWriter.write(input, runDir);
    html = ReportDocuments.parse(Files.readString(files.html()), false);
  }

  /**
   * The summary.json of the step the report headlines: the highest rate that passed, per
   * sweep.json.
   */
  static JsonNode headlineSummary(String model) throws Exception {
    Path sweepDir = runDir.resolve("sweeps").resolve(model);
    JsonNode sweep = RunFixtures.JSON.readTree(sweepDir.resolve("sweep.json").toFile());
    JsonNode best = null;
    for (JsonNode step : sweep.get("steps")) {
      if (step.get("pass").booleanValue()
          && (best == null || step.get("rate").doubleValue() > best.get("rate").doubleValue())) {
        best = step;
      }
    }
    String dir = (best == null ? sweep.get("steps").get(0) : best).get("dir").textValue();
    return RunFixtures.JSON.readTree(sweepDir.resolve(dir).resolve("summary.json").toFile());
  }

  static List<JsonNode> stepSummaries(String model) throws Exception {
    Path sweepDir = runDir.resolve("sweeps").resolve(model);
    JsonNode sweep = RunFixtures.JSON.readTree(sweepDir.resolve("sweep.json").toFile());
    List<JsonNode> summaries = new ArrayList<>();
    for (JsonNode step : sweep.get("steps")) {
      JsonNode summary =
          RunFixtures.JSON.readTree(
              sweepDir.resolve(step.get("dir").textValue()).resolve("summary.json").toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode) summary)
          .put("pass", step.get("pass").booleanValue());
      summaries.add(summary);
    }
    return summaries;
  }

  @Test
  void modelTableShowsTheSummaryFigures() throws Exception {
    for (String model : MODELS) {
      JsonNode summary = headlineSummary(model);
      Element row = one(html, "//table[@id='table-models']/tbody/tr[@data-model='" + model + "']");
      Map<String, String> metricToKey = new LinkedHashMap<>();
      metricToKey.put("p50-ms", "p50");
      metricToKey.put("p90-ms", "p90");
      metricToKey.put("p99-ms", "p99");
      metricToKey.put("p999-ms", "p999");
      metricToKey.put("max-ms", "max");
      metricToKey.put("mean-ms", "mean");
      for (Map.Entry<String, String> entry : metricToKey.entrySet()) {
        String shown = one(row, "td[@data-metric='" + entry.getKey() + "']").getTextContent();
        assertShows(
            summary.get("response_time_ms").get(entry.getValue()).doubleValue(),
            shown,
            model + " " + entry.getKey());
      }
      assertShows(
          summary.get("service_time_ms").get("p99").doubleValue(),
          one(row, "td[@data-metric='service-p99-ms']").getTextContent(),
          model + " service p99");
      assertShows(
          summary.get("achieved_rate").doubleValue(),
          one(row, "td[@data-metric='achieved-rate-per-s']").getTextContent(),
          model + " achieved rate");
      assertShows(
          summary.get("requests").get("ok").doubleValue(),
          one(row, "td[@data-metric='ok']").getTextContent(),
          model + " ok");
      assertEquals(
          PROVENANCE.get(model),
          select(row, "td").get(1).getTextContent(),
          model + " provenance column");
    }
  }

  @Test
  void sweepTableShowsEveryStepFromItsSummary() throws Exception {
    for (String model : MODELS) {
      List<JsonNode> steps = stepSummaries(model);
      List<Element> rows =
          select(html, "//table[@id='table-sweep-steps']/tbody/tr[@data-model='" + model + "']");
      assertEquals(steps.size(), rows.size(), model + " step rows");
      for (int i = 0; i < steps.size(); i++) {
        assertShows(
            steps.get(i).get("response_time_ms").get("p99").doubleValue(),
            one(rows.get(i), "td[@data-metric='p99-ms']").getTextContent(),
            model + " step " + i + " p99");
        assertShows(
            steps.get(i).get("target_rate").doubleValue(),
            one(rows.get(i), "td[@data-metric='target-rate-per-s']").getTextContent(),
            model + " step " + i + " rate");
        assertEquals(
            steps.get(i).get("pass").booleanValue() ? "yes" : "no",
            select(rows.get(i), "td").get(9).getTextContent(),
            model + " step " + i + " met SLO");
      }
    }
  }

  @Test
  void costAndAuditTablesShowTheCostReportFile() throws Exception {
    JsonNode cost = RunFixtures.JSON.readTree(runDir.resolve("cost-report.json").toFile());
    for (JsonNode row : cost.get("rows")) {
      String model = row.get("model").textValue();
      Element tr = one(html, "//table[@id='table-cost']/tbody/tr[@data-model='" + model + "']");
      assertShows(
          row.get("usd_per_million_requests").doubleValue(),
          one(tr, "td[@data-metric='usd-per-million-requests']").getTextContent(),
          model + " $/M requests");
      assertShows(
          row.get("usd_per_year").doubleValue(),
          one(tr, "td[@data-metric='usd-per-year']").getTextContent(),
          model + " $/year");
      assertShows(
          row.get("instances").doubleValue(),
          one(tr, "td[@data-metric='instances']").getTextContent(),
          model + " instances");
      assertEquals(row.get("provenance").textValue(), select(tr, "td").get(1).getTextContent());
      Element bar =
          one(
              html,
              "//svg[@id='chart-cost']//g[@data-metric='usd-per-year']/rect[@data-model='"
                  + model
                  + "']");
      assertEquals(
          row.get("usd_per_year").doubleValue(),
          Double.parseDouble(bar.getAttribute("data-value-usd")));
      assertTrue(Double.parseDouble(bar.getAttribute("width")) > 0, model + " bar has width");
    }
    List<Element> auditRows = select(html, "//table[@id='table-audit']/tbody/tr");
    assertEquals(cost.get("audit").size(), auditRows.size());
    for (int i = 0; i < auditRows.size(); i++) {
      JsonNode finding = cost.get("audit").get(i);
      String stated = one(auditRows.get(i), "td[@data-metric='stated']").getTextContent();
      String unit = finding.get("unit").textValue();
      assertShows(
          finding.get("stated").doubleValue(),
          unit.isEmpty() ? stated : stated.replace(" " + unit, ""),
          "audit stated " + i);
      String difference = one(auditRows.get(i), "td[@data-metric='difference']").getTextContent();
      if (finding.has("derived")) {
        double expected =
            (finding.get("derived").doubleValue() - finding.get("stated").doubleValue())
                / finding.get("stated").doubleValue()
                * 100;
        assertEquals(
            expected, Double.parseDouble(difference.replace("%", "").replace("+", "")), 0.05);
      } else {
        assertEquals("—", difference, "no derived value, no difference");
      }
      String verdictMetric = finding.get("flagged").booleanValue() ? "verdict-flagged" : "verdict";
      assertEquals(
          finding.get("verdict").textValue(),
          one(auditRows.get(i), "td[@data-metric='" + verdictMetric + "']").getTextContent());
    }
  }

  @Test
  void everyChartIsWellFormedAndDrawn() throws Exception {
    List<String> charts =
        List.of("chart-spectrum", "chart-throughput", "chart-cost", "chart-cost-quality");
    for (String id : charts) {
      Element svg = one(html, "//svg[@id='" + id + "']");
      assertTrue(drawnElements(svg) > 20, id + " draws content");
    }
    // Each chart stands alone as an SVG document too.
    String text = Files.readString(files.html());
    int start = text.indexOf("<svg");
    while (start >= 0) {
      int end = text.indexOf("</svg>", start) + "</svg>".length();
      Document svg = ReportDocuments.parse(text.substring(start, end), true);
      assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
      start = text.indexOf("<svg", end);
    }
  }

  @Test
  void spectrumMarksThePercentilesOfTheRecordedHistograms() throws Exception {
    for (String model : MODELS) {
      JsonNode summary = headlineSummary(model);
      Element series =
          one(html, "//svg[@id='chart-spectrum']/g[@class='series'][@data-model='" + model + "']");
      assertEquals(PROVENANCE.get(model), series.getAttribute("data-provenance"));
      Element p99 = one(series, "path[@data-quantile='0.99']");
      // The chart reads the histogram logs (ns); the summary holds the same value rounded to the
      // microsecond.
      assertEquals(
          summary.get("response_time_ms").get("p99").doubleValue(),
          Double.parseDouble(p99.getAttribute("data-latency-ms")),
          0.0005 + 1e-9,
          model + " p99 marker");
      Element p50 = one(series, "path[@data-quantile='0.5']");
      assertEquals(
          summary.get("response_time_ms").get("p50").doubleValue(),
          Double.parseDouble(p50.getAttribute("data-latency-ms")),
          0.0005 + 1e-9,
          model + " p50 marker");
      String points = one(series, "polyline").getAttribute("points");
      assertTrue(
          points.split(" ").length > 20, model + " spectrum has a curve, not a handful of points");
    }
  }

  @Test
  void throughputChartHasEveryStepAndTheSloLine() throws Exception {
    for (String model : MODELS) {
      List<JsonNode> steps = stepSummaries(model);
      List<Element> markers =
          select(
              html,
              "//svg[@id='chart-throughput']/g[@class='series'][@data-model='" + model + "']/path");
      assertEquals(steps.size(), markers.size(), model + " one marker per step");
      for (Element marker : markers) {
        JsonNode step = steps.get(Integer.parseInt(marker.getAttribute("data-step")) - 1);
        assertEquals(
            step.get("response_time_ms").get("p99").doubleValue(),
            Double.parseDouble(marker.getAttribute("data-p99-ms")));
        assertEquals(
            Boolean.toString(step.get("pass").booleanValue()), marker.getAttribute("data-met-slo"));
      }
    }
    Element slo = one(html, "//svg[@id='chart-throughput']/g[@class='slo']");
    assertEquals(800.0, Double.parseDouble(slo.getAttribute("data-slo-p99-ms")));
    assertEquals(1, select(slo, "line").size());
  }

  @Test
  void everyChartAndTableCarriesTheProvenanceLabels() throws Exception {
    for (String figure : List.of("figure-spectrum", "figure-throughput")) {
      String caption = one(html, "//figure[@id='" + figure + "']/figcaption").getTextContent();
      String legend =
          String.join(
              " ",
              select(html, "//figure[@id='" + figure + "']/svg//text").stream()
                  .map(Element::getTextContent)
                  .toList());
      for (String model : MODELS) {
        assertTrue(
            caption.contains(model + ": " + PROVENANCE.get(model)),
            figure + " caption names " + model);
        assertTrue(
            legend.contains(model + " [" + PROVENANCE.get(model) + "]"),
            figure + " legend labels " + model);
      }
    }
    for (String figure : List.of("figure-cost", "figure-cost-quality")) {
      String caption = one(html, "//figure[@id='" + figure + "']/figcaption").getTextContent();
      assertTrue(
          caption.contains("measured: in-process · synthetic weights · CPU"), figure + " caption");
      assertTrue(caption.contains("measured: emulated · GPU · A10G profile"), figure + " caption");
    }
    assertTrue(one(html, "//p[@class='warning']").getTextContent().contains("synthetic"));
  }

  @Test
  void paretoFrontIsTheCheapestAtEachQuality() throws Exception {
    Element front = one(html, "//svg[@id='chart-cost-quality']/g[@class='pareto-front']");
    // 0.6B: $5.47 at 64.33; BGE-M3: $7.30 at 59.56 (dominated by 0.6B); 8B: $10.95 at 70.58.
    assertEquals("Qwen3-Embedding-0.6B;Qwen3-Embedding-8B", front.getAttribute("data-models"));
    Element bge = one(html, "//svg[@id='chart-cost-quality']/path[@data-model='BGE-M3']");
    assertEquals("false", bge.getAttribute("data-on-front"));
  }

  @Test
  void markdownTablesShowTheSummaryFigures() throws Exception {
    String markdown = Files.readString(files.markdown());
    List<String> lines = markdown.lines().toList();
    int heading = lines.indexOf("## Latency and throughput");
    assertTrue(heading >= 0, "latency section present");
    List<String> header = cells(lines.get(heading + 4));
    int p99Column = header.indexOf("p99 (ms)");
    int provenanceColumn = header.indexOf("Provenance");
    for (int i = heading + 6; i < heading + 6 + MODELS.size(); i++) {
      List<String> row = cells(lines.get(i));
      String model = row.get(0);
      assertShows(
          headlineSummary(model).get("response_time_ms").get("p99").doubleValue(),
          row.get(p99Column),
          "markdown p99 of " + model);
      assertEquals(PROVENANCE.get(model), row.get(provenanceColumn).replace("\\_", "_"));
    }
    assertTrue(markdown.contains("## Cost"));
    assertTrue(markdown.contains("## Claim audit"));
    assertTrue(
        markdown.contains("| 8B annual cost from \\$/request x 5M/day |"),
        "dollars escaped for GitHub");
    assertTrue(markdown.contains("| **INCONSISTENT** |"), "flagged verdicts stand out");
  }

  @Test
  void csvTablesCarryTheFullPrecisionFigures() throws Exception {
    List<CSVRecord> models = csv(runDir.resolve(CsvTables.MODELS_FILE));
    assertEquals(MODELS.size(), models.size());
    for (CSVRecord record : models) {
      JsonNode summary = headlineSummary(record.get("model"));
      for (String key : List.of("p50", "p90", "p99", "p999", "max", "mean")) {
        assertEquals(
            summary.get("response_time_ms").get(key).doubleValue(),
            Double.parseDouble(record.get("response_" + key + "_ms")),
            record.get("model") + " " + key);
      }
      assertEquals(
          summary.get("achieved_rate").doubleValue(),
          Double.parseDouble(record.get("achieved_rate_per_s")));
      assertFalse(record.get("kind").isBlank());
    }
    int steps = 0;
    for (String model : MODELS) {
      steps += stepSummaries(model).size();
    }
    assertEquals(steps, csv(runDir.resolve(CsvTables.SWEEP_STEPS_FILE)).size());
    List<CSVRecord> cost = csv(runDir.resolve(CsvTables.COST_FILE));
    assertEquals(3, cost.size());
    assertEquals(24_966.0, Double.parseDouble(cost.get(0).get("usd_per_year")));
    assertEquals("true", cost.get(1).get("baseline"));
    List<CSVRecord> audit = csv(runDir.resolve(CsvTables.AUDIT_FILE));
    assertEquals(9.0, Double.parseDouble(audit.get(0).get("relative_difference")), 1e-12);
    assertEquals("true", audit.get(0).get("flagged"));
    assertEquals("", audit.get(2).get("derived"), "a value that cannot be derived stays empty");
  }

  static List<String> cells(String markdownRow) {
    String inner = markdownRow.substring(1, markdownRow.length() - 1);
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|")) {
      cells.add(cell.strip().replace("\\|", "|"));
    }
    return cells;
  }

  static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords();
    }
  }
}
