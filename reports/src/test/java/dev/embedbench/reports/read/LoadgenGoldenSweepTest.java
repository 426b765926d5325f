package dev.embedbench.reports.read;

import static dev.embedbench.reports.ReportDocuments.assertShows;
import static dev.embedbench.reports.ReportDocuments.one;
import static dev.embedbench.reports.ReportDocuments.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.Sweep;
import dev.embedbench.reports.model.SweepStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A sweep written by the load generator's own code (see resources/loadgen-golden-sweep/README.md).
 */
class LoadgenGoldenSweepTest {

  @TempDir Path tmp;

  private static Path sweepDir() throws Exception {
    Path root = Path.of(LoadgenGoldenSweepTest.class.getResource("/loadgen-golden-sweep").toURI());
    try (var dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void stepsVerdictsAndBestRateComeFromTheSweepFiles() throws Exception {
    Path dir = sweepDir();
    JsonNode json = RunFixtures.JSON.readTree(dir.resolve("sweep.json").toFile());
    ModelReport model =
        RunDirectoryReader.read(List.of(dir), "golden", Instant.EPOCH)
            .model("test-model")
            .orElseThrow();
    Sweep sweep = model.sweep().orElseThrow();
    assertEquals(json.get("steps").size(), sweep.steps().size());
    assertEquals(json.get("slo").get("p99_ms").doubleValue(), sweep.slo().p99Millis());
    assertEquals(json.get("best_rate").doubleValue(), sweep.bestRatePerSecond().orElseThrow());
    for (int i = 0; i < sweep.steps().size(); i++) {
      JsonNode step = json.get("steps").get(i);
      SweepStep read = sweep.steps().get(i);
      JsonNode summary =
          RunFixtures.JSON.readTree(
              dir.resolve(step.get("dir").textValue()).resolve("summary.json").toFile());
      assertEquals(step.get("pass").booleanValue(), read.metSlo(), "step " + i);
      assertEquals(
          step.get("step").intValue(), read.index(), "numbered as the sweep numbers its steps");
      assertEquals(
          summary.get("response_time_ms").get("p99").doubleValue(),
          read.stats().responseTime().p99Millis());
      assertEquals(
          step.get("p99_ms").doubleValue(),
          read.stats().responseTime().p99Millis(),
          "sweep.json agrees");
      assertEquals(
          step.get("error_rate").doubleValue(), read.stats().requests().errorFraction(), 1e-3);
      assertEquals(step.get("reasons").size(), read.reasons().size());
    }
    // The headline is the step at the best rate.
    assertEquals(
        json.get("best_rate").doubleValue(), model.headline().targetRatePerSecond().orElseThrow());
  }

  @Test
  void reportDrawsEveryStepAndExplainsTheFailures() throws Exception {
    Path dir = sweepDir();
    JsonNode json = RunFixtures.JSON.readTree(dir.resolve("sweep.json").toFile());
    ReportInput input = RunDirectoryReader.read(List.of(dir), "golden", Instant.EPOCH);
    ReportFiles files = ReportWriter.write(input, tmp);
    Document html = ReportDocuments.parse(Files.readString(files.html()), false);
    List<Element> markers = select(html, "//svg[@id='chart-throughput']/g[@class='series']/path");
    assertEquals(json.get("steps").size(), markers.size());
    List<Element> rows = select(html, "//table[@id='table-sweep-steps']/tbody/tr");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode step = json.get("steps").get(i);
      assertShows(
          step.get("p99_ms").doubleValue(),
          one(rows.get(i), "td[@data-metric='p99-ms']").getTextContent(),
          "step " + i + " p99");
      String why = one(rows.get(i), "td[@data-metric='reasons']").getTextContent();
      if (!step.get("pass").booleanValue()) {
        assertTrue(why.contains(step.get("reasons").get(0).textValue()), why);
      }
    }
    Element slo = one(html, "//svg[@id='chart-throughput']/g[@class='slo']");
    assertEquals(
        json.get("slo").get("p99_ms").doubleValue(),
        Double.parseDouble(slo.getAttribute("data-slo-p99-ms")));
  }
}
