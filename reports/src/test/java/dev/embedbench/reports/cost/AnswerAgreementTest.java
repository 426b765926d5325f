package dev.embedbench.reports.cost;

import static dev.embedbench.reports.ReportDocuments.one;
import static dev.embedbench.reports.ReportDocuments.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.MeasuredCapacities;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import dev.embedbench.costmodel.scenario.TokenRescale;
import dev.embedbench.reports.ComparisonReport;
import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.csv.CsvTables;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.results.TargetKind;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answer as a comparison writes it, from sweeps whose capacities are known: the HTML report's
 * first box, report.md's first table, the console's last table and the answer CSV show the same
 * figures, and a capacity that is only a lower bound is written as one everywhere, with no plain
 * saving printed from it.
 */
class AnswerAgreementTest {

  private static final Provenance EMULATED =
      new Provenance(TargetKind.EMULATED, WeightsSource.UNKNOWN, Device.GPU, "A10G profile");

  /** A plain percentage with nothing in front: what a bound must never be written as. */
  private static final Pattern PLAIN_PERCENT = Pattern.compile("^-?[0-9.]+%$");

  @TempDir Path tmp;

  /** A sweep as the load generator writes it: 32-token inputs, steps up to a last passing rate. */
  private Path sweep(String name, String model, double[] passing, Double failing) throws Exception {
    StringBuilder steps = new StringBuilder();
    for (double rate : passing) {
      steps.append("{\"rate\": ").append(rate).append(", \"pass\": true},");
    }
    if (failing != null) {
      steps.append("{\"rate\": ").append(failing).append(", \"pass\": false},");
    }
    Path dir = Files.createDirectories(tmp.resolve("sweeps").resolve(name));
    Files.writeString(
        dir.resolve("sweep.json"),
        "{\"schema_version\": 1, \"target\": {\"kind\": \"emulated\","
            + " \"model\": \""
            + model
            + "\"}, \"workload\": {\"inputs_per_request\": 1, \"mean_tokens_per_input\": 32},"
            + " \"steps\": ["
            + steps.substring(0, steps.length() - 1)
            + "]}");
    return dir;
  }

  /** The article scenario priced at the sweeps' 32-token workload, as compare prices it. */
  private CostAnalysis analysis(boolean smallIsLowerBound, boolean bigIsLowerBound)
      throws Exception {
    Scenario s = ScenarioLoader.loadBundledArticle();
    Demand d = s.demand();
    s =
        s.withDemand(
                new Demand(
                    d.requestsPerDay(), d.hourlyShares(), d.peakToAverage(), 1, 32, d.source()))
            .withPolicy(s.policy().withTokenRescale(TokenRescale.LINEAR));
    Path big =
        sweep("8b", "Qwen3-Embedding-8B", new double[] {8, 16, 32}, bigIsLowerBound ? null : 48.0);
    Path small =
        sweep(
            "06b",
            "Qwen3-Embedding-0.6B",
            new double[] {100, 300, 486},
            smallIsLowerBound ? null : 600.0);
    s = MeasuredCapacities.apply(s, "qwen3-8b=" + big, null);
    return CostAnalysis.of(MeasuredCapacities.apply(s, "qwen3-0.6b=" + small, null));
  }

  private ComparisonReport.Result write(CostAnalysis analysis) throws Exception {
    Path runDir = Files.createDirectories(tmp.resolve("run"));
    return ComparisonReport.write(
        runDir,
        "answer",
        Map.of("Qwen3-Embedding-8B", EMULATED, "Qwen3-Embedding-0.6B", EMULATED),
        Optional.of(analysis));
  }

  @Test
  void everyOutputShowsTheSameAnswerAndBoundsAsBounds() throws Exception {
    ComparisonReport.Result result = write(analysis(true, false));
    Path runDir = tmp.resolve("run");
    String html = Files.readString(runDir.resolve("report.html"), StandardCharsets.UTF_8);
    String md = Files.readString(runDir.resolve("report.md"), StandardCharsets.UTF_8);
    String console = result.consoleTable();

    // The answer leads: the first table of the HTML and of the Markdown, the last of the console.
    Document doc = ReportDocuments.parse(html, false);
    Element firstTable = one(doc, "(//table)[1]");
    assertEquals("table-answer", firstTable.getAttribute("id"));
    assertTrue(
        md.indexOf("## The answer") < md.indexOf("## " + "Savings across demand")
            && md.indexOf("## The answer") == md.indexOf("## "),
        md);
    assertTrue(
        console.lastIndexOf("Unit cost at measured capacity")
            > console.lastIndexOf("Whole instances at"),
        console);

    List<String> models =
        List.of(
            "Qwen3-Embedding-8B",
            "Qwen3-Embedding-0.6B (qwen3-0.6b)",
            "BGE-M3",
            "Qwen3-Embedding-0.6B (qwen3-0.6b-a10g-claim)");
    List<String> metrics =
        List.of(
            "capacity-per-s",
            "tokens-per-input",
            "unit-usd-per-million-requests",
            "unit-usd-per-million-tokens",
            "unit-saving");
    List<CSVRecord> csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(Files.readString(runDir.resolve(CsvTables.ANSWER_FILE))))
            .getRecords();
    for (String model : models) {
      Element row = one(firstTable, ".//tr[@data-model='" + model + "']");
      String mdRow =
          md.lines()
              .filter(
                  line ->
                      line.startsWith("| " + model + " ")
                          || line.startsWith("| " + model + " (baseline)"))
              .findFirst()
              .map(line -> line.replaceAll("\\\\(.)", "$1"))
              .orElseThrow(() -> new AssertionError(model + " not in report.md"));
      String consoleRow =
          console
              .lines()
              .filter(
                  line -> line.startsWith(model + "  ") || line.startsWith(model + " (baseline)"))
              .reduce((first, last) -> last)
              .orElseThrow();
      CSVRecord csvRow =
          csv.stream().filter(r -> r.get("model").equals(model)).findFirst().orElseThrow();
      for (String metric : metrics) {
        String text = one(row, ".//td[@data-metric='" + metric + "']").getTextContent();
        assertTrue(
            mdRow.contains("| " + text + " |"), metric + " '" + text + "' in report.md: " + mdRow);
        assertTrue(
            consoleRow.contains(text), metric + " '" + text + "' on the console: " + consoleRow);
      }
      assertEquals(
          one(row, ".//td[@data-metric='unit-usd-per-million-requests']").getTextContent(),
          csvRow.get("usd_per_million_requests"));
      assertEquals(
          one(row, ".//td[@data-metric='unit-saving']").getTextContent(),
          csvRow.get("saving_vs_baseline").isEmpty() ? "—" : csvRow.get("saving_vs_baseline"));
    }

    // The 0.6B's sweep never failed: its capacity, cost and saving are bounds in every output.
    Element small = one(firstTable, ".//tr[@data-model='Qwen3-Embedding-0.6B (qwen3-0.6b)']");
    assertEquals("≥ 486", one(small, ".//td[@data-metric='capacity-per-s']").getTextContent());
    assertEquals(
        "≤ $0.543",
        one(small, ".//td[@data-metric='unit-usd-per-million-requests']").getTextContent());
    assertEquals(
        "≥ 93.4%", one(small, ".//td[@data-metric='unit-saving']").getTextContent()); // 1 - 32/486
    assertEquals(
        "≥ 50.0%",
        one(
                doc,
                "//table[@id='table-fleet']//tr[@data-model='Qwen3-Embedding-0.6B "
                    + "(qwen3-0.6b)']/td[@data-metric='fleet-saving']")
            .getTextContent()); // 2 instances against 1
    // The older cost table cannot carry a bound: it says so and prints no saving for the row.
    Element costRow =
        one(doc, "//table[@id='table-cost']//tr[@data-model='Qwen3-Embedding-0.6B (qwen3-0.6b)']");
    assertEquals("—", one(costRow, ".//td[@data-metric='savings']").getTextContent());
    assertTrue(
        one(costRow, ".//td[@data-metric='provenance']")
            .getTextContent()
            .contains("capacity ≥ 486 req/s"));
    // No plain percentage anywhere in that model's rows, in any output.
    for (Element cell : select(doc, "//tr[@data-model='Qwen3-Embedding-0.6B (qwen3-0.6b)']/td")) {
      assertFalse(
          PLAIN_PERCENT.matcher(cell.getTextContent().strip()).matches(),
          "plain figure in HTML: " + cell.getTextContent());
    }
    for (String line :
        (md + console)
            .lines()
            .filter(l -> l.contains("Qwen3-Embedding-0.6B (qwen3-0.6b)"))
            .toList()) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split("\\|")));
      cells.addAll(Arrays.asList(line.split(" {2,}")));
      assertTrue(
          cells.stream().map(String::strip).noneMatch(c -> PLAIN_PERCENT.matcher(c).matches()),
          "plain figure: " + line);
    }
    List<CSVRecord> demand =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(Files.readString(runDir.resolve(CsvTables.DEMAND_FILE))))
            .getRecords();
    assertEquals(41, demand.size());
    for (CSVRecord point : demand) {
      assertTrue(
          point.get("Qwen3-Embedding-0.6B (qwen3-0.6b) saving_percent").startsWith("≥ "),
          point.toString());
      assertTrue(
          point.get("Qwen3-Embedding-0.6B (qwen3-0.6b) usd_per_year").startsWith("≤ "),
          point.toString());
      Double.parseDouble(
          point.get("BGE-M3 saving_percent")); // bracketed models' figures stay plain numbers
    }
    // The stated 128-token A10G row is rescaled to the sweeps' 32 tokens, and says so wherever it
    // is compared.
    assertTrue(
        one(
                doc,
                "//table[@id='table-fleet']//tr[@data-model='Qwen3-Embedding-0.6B (qwen3-0.6b-a10g-claim)']"
                    + "/td[@data-metric='token-note']")
            .getTextContent()
            .contains("rescaled 128→32 tokens (linear)"));
    assertEquals(
        "128",
        one(
                firstTable,
                ".//tr[@data-model='Qwen3-Embedding-0.6B (qwen3-0.6b-a10g-claim)']"
                    + "/td[@data-metric='tokens-per-input']")
            .getTextContent());
  }

  @Test
  void aLowerBoundBaselineLeavesEverySavingUnknown() throws Exception {
    write(analysis(false, true));
    Path runDir = tmp.resolve("run");
    Document doc =
        ReportDocuments.parse(
            Files.readString(runDir.resolve("report.html"), StandardCharsets.UTF_8), false);
    for (Element cell :
        select(doc, "//table[@id='table-answer']//td[@data-metric='unit-saving']")) {
      assertTrue(
          cell.getTextContent().equals("unknown") || cell.getTextContent().equals("—"),
          cell.getTextContent());
    }
    for (Element cell :
        select(doc, "//table[@id='table-fleet']//td[@data-metric='fleet-saving']")) {
      assertTrue(
          cell.getTextContent().equals("unknown") || cell.getTextContent().equals("—"),
          cell.getTextContent());
    }
    assertEquals(
        "≥ 32",
        one(
                doc,
                "//table[@id='table-answer']//tr[@data-model='Qwen3-Embedding-8B']"
                    + "/td[@data-metric='capacity-per-s']")
            .getTextContent());
    // nor does the chart draw a saving against it
    assertEquals(0, select(doc, "//svg[@id='chart-demand']//g[@class='series']").size());
  }

  @Test
  void theDemandChartIsInTheReport() throws Exception {
    write(analysis(false, false));
    Document doc =
        ReportDocuments.parse(
            Files.readString(tmp.resolve("run/report.html"), StandardCharsets.UTF_8), false);
    Element chart = one(doc, "//svg[@id='chart-demand']");
    assertTrue(ReportDocuments.drawnElements(chart) > 20);
    assertEquals("45.0", one(chart, ".//g[@class='claim']").getAttribute("data-saving-percent"));
    // 1/100 to 100x: 41 demands, a step line per candidate
    assertEquals(3, select(chart, ".//g[@class='series']").size());
  }
}
