package dev.embedbench.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.read.RunDirectoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartEdgeCasesTest {

  @TempDir Path tmp;

  @Test
  void aModelWithNoSuccessfulRequestDoesNotStretchTheAxes() throws Exception {
    RunFixtures.writeSimpleRun(tmp.resolve("runs/healthy"), "healthy", "remote", 1, 50, 1000);
    RunFixtures.writeRun(
        tmp.resolve("runs/down"),
        "down",
        "remote",
        10.0,
        new long[0],
        new long[0],
        10,
        Map.of("connection_refused", 100L),
        0,
        false);
    ReportInput input =
        RunDirectoryReader.read(List.of(tmp.resolve("runs")), "edge", Instant.EPOCH);
    ReportFiles files = ReportWriter.write(input, tmp.resolve("out"));
    Document html = ReportDocuments.parse(Files.readString(files.html()), false);

    Element spectrum = ReportDocuments.one(html, "//svg[@id='chart-spectrum']");
    List<String> labels =
        ReportDocuments.select(spectrum, ".//text").stream().map(Element::getTextContent).toList();
    assertFalse(labels.contains("0.001"), "no log axis reaching down to 0.001 ms: " + labels);
    assertTrue(
        labels.stream().anyMatch(label -> label.startsWith("down [remote")),
        "the failed model is listed");
    Element row =
        ReportDocuments.one(html, "//table[@id='table-models']/tbody/tr[@data-model='down']");
    assertEquals("100", ReportDocuments.one(row, "td[@data-metric='failed']").getTextContent());
    assertEquals("0", ReportDocuments.one(row, "td[@data-metric='ok']").getTextContent());
  }

  @Test
  void chartsAreStandaloneSvgDocuments() throws Exception {
    RunFixtures.writeSweep(
        tmp.resolve("sweep"), "m", "emulated", 3, 20, 100, new double[] {10, 50, 150}, 100);
    ReportInput input =
        RunDirectoryReader.read(List.of(tmp.resolve("sweep")), "svg", Instant.EPOCH);
    SeriesStyles styles = new SeriesStyles(List.of("m"));
    for (String svg :
        List.of(
            SpectrumChart.render("a", input.models(), styles),
            ThroughputChart.render("b", input.models(), styles))) {
      Document namespaced = ReportDocuments.parse(svg, true);
      assertEquals("svg", namespaced.getDocumentElement().getLocalName());
      assertEquals("http://www.w3.org/2000/svg", namespaced.getDocumentElement().getNamespaceURI());
      Document plain = ReportDocuments.parse(svg, false);
      assertTrue(ReportDocuments.drawnElements(plain.getDocumentElement()) > 20);
    }
  }
}
