package dev.embedbench.costmodel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RenderersTest {

  static CostAnalysis analysis;

  @BeforeAll
  static void analyseTheBundledArticle() {
    analysis = CostAnalysis.of(ScenarioLoader.loadBundledArticle());
  }

  @Test
  void consoleShowsProvenanceUnitsAndTheAudit() {
    String text = ConsoleRenderer.render(analysis);
    assertTrue(text.contains("usd_per_million_requests"), text);
    assertTrue(text.contains("capacity_provenance"), text);
    // every article capacity is labelled stated, and says how it was derived
    assertTrue(
        text.contains(
            "qwen3-8b: capacity stated, cost per request: $0.95/h / 3600 / $0.00032 per request"),
        text);
    assertTrue(
        text.contains(
            "Claim audit: 42 checks, 12 consistent, 1 understated, 1 CONTRADICTED, 24 INCONSISTENT,"
                + " 3 derived, 1 cannot be derived"),
        text);
    // the answer comes first: unit cost at capacity, then the fleet
    assertTrue(text.indexOf("Unit cost at capacity") < text.indexOf("Whole-instance fleet"), text);
    assertTrue(
        text.contains(
            "qwen3-0.6b             Qwen3-Embedding-0.6B  A10G             $0.95"
                + "               2.639  stated               128 (assumed)                         $100"),
        text);
    // the new derivations, with their arithmetic, and the new sensitivity rows
    assertTrue(
        text.contains(
            "= 7.018 GPUs × 70 TFLOP/s dense (A10G) = 491.2 TFLOP/s bought = 21 % of peak"),
        text);
    assertTrue(
        text.contains("1 A10G at 32.15% of its stated capacity carries all 5,000,000 requests/day"),
        text);
    assertTrue(text.contains("derived: 73.84 - 66.33 (model cards) = 7.51 points"), text);
    assertTrue(text.contains("16.38 GB vs 1024 × 4 bytes = 4.096 GB"), text);
    assertTrue(text.contains("tokensPerInput     all (capacities rescaled linearly)"), text);
    assertTrue(text.contains("targetUtilisation  all (50%)"), text);
    assertTrue(text.contains("Break-even demands"), text);
    assertTrue(text.contains("annual.qwen3-embedding-8b.per-request"), text);
    assertTrue(text.contains("+900.0%"), text);
  }

  @Test
  void jsonCarriesTheRecordTreeWithUnitsInNames() throws IOException {
    JsonNode json = new ObjectMapper().readTree(JsonRenderer.render(analysis));
    JsonNode first = json.get("report").get("deployments").get(0);
    assertEquals("qwen3-8b", first.get("deploymentId").asText());
    assertEquals(
        analysis.report().deployments().get(0).usdPerYear(), first.get("usdPerYear").asDouble());
    assertEquals("stated", first.get("capacityProvenance").asText());
    assertEquals(42, json.get("audit").size());
    assertEquals(
        0.6875,
        json.get("report").get("unitCosts").get(1).get("savingVsBaseline").get("value").asDouble(),
        1e-9);
    assertEquals("INCONSISTENT", json.get("audit").get(0).get("verdict").asText());
  }

  @Test
  void csvHasSixTablesWithComponentNamesAsHeaders() throws IOException {
    String csv = CsvRenderer.render(analysis);
    String[] tables = csv.split("\r\n\r\n");
    assertEquals(
        6, tables.length); // unit cost, fleet, across demand, break-evens, audit, sensitivity
    List<CSVRecord> unit = CSVFormat.DEFAULT.parse(new StringReader(tables[0])).getRecords();
    assertEquals("68.8%", unit.get(2).get(16));
    List<CSVRecord> curve = CSVFormat.DEFAULT.parse(new StringReader(tables[2])).getRecords();
    assertEquals(1 + 41, curve.size());
    List<CSVRecord> cost = CSVFormat.DEFAULT.parse(new StringReader(tables[1])).getRecords();
    assertEquals("deploymentId", cost.get(0).get(0));
    assertTrue(cost.get(0).toList().contains("usdPerMillionTokens"));
    assertEquals(1 + analysis.report().deployments().size(), cost.size());
    List<CSVRecord> audit = CSVFormat.DEFAULT.parse(new StringReader(tables[4])).getRecords();
    assertEquals(
        List.of(
            "id",
            "topic",
            "claim",
            "claimedValue",
            "derivation",
            "derivedValue",
            "unit",
            "differencePercent",
            "tolerance",
            "verdict",
            "note"),
        audit.get(0).toList());
    assertEquals(43, audit.size());
  }

  @Test
  void numbersKeepFourSignificantDigits() {
    assertEquals("0.00001715", Figures.num(0.95 / 3600 * 0.065));
    assertEquals("4.923", Figures.num(320.0 / 65));
    assertEquals("58,400", Figures.num(58_400));
    assertEquals("$1.006", Figures.usd(1.006));
    assertEquals("$590,862", Figures.usd(590_862.0));
    assertEquals("0.0%", Figures.signedPct(-1e-12));
  }
}
