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
    assertTrue(text.contains("qwen3-8b: capacity stated, cost per request: $0.95/h / 3600 / $0.00032 per request"), text);
    assertTrue(text.contains("Claim audit: 36 checks, 22 inconsistent, 1 cannot be derived"), text);
    assertTrue(text.contains("annual.qwen3-embedding-8b.per-request"), text);
    assertTrue(text.contains("+900.0%"), text);
  }

  @Test
  void jsonCarriesTheRecordTreeWithUnitsInNames() throws IOException {
    JsonNode json = new ObjectMapper().readTree(JsonRenderer.render(analysis));
    JsonNode first = json.get("report").get("deployments").get(0);
    assertEquals("qwen3-8b", first.get("deploymentId").asText());
    assertEquals(analysis.report().deployments().get(0).usdPerYear(), first.get("usdPerYear").asDouble());
    assertEquals("stated", first.get("capacityProvenance").asText());
    assertEquals(36, json.get("audit").size());
    assertEquals("INCONSISTENT", json.get("audit").get(0).get("verdict").asText());
  }

  @Test
  void csvHasThreeTablesWithComponentNamesAsHeaders() throws IOException {
    String csv = CsvRenderer.render(analysis);
    String[] tables = csv.split("\r\n\r\n");
    assertEquals(3, tables.length);
    List<CSVRecord> cost = CSVFormat.DEFAULT.parse(new StringReader(tables[0])).getRecords();
    assertEquals("deploymentId", cost.get(0).get(0));
    assertTrue(cost.get(0).toList().contains("usdPerMillionTokens"));
    assertEquals(1 + analysis.report().deployments().size(), cost.size());
    List<CSVRecord> audit = CSVFormat.DEFAULT.parse(new StringReader(tables[1])).getRecords();
    assertEquals(List.of("id", "topic", "claim", "claimedValue", "derivation", "derivedValue", "unit",
        "differencePercent", "tolerance", "verdict", "note"), audit.get(0).toList());
    assertEquals(37, audit.size());
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
