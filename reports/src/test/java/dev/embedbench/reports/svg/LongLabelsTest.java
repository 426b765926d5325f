package dev.embedbench.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.reports.read.RunDirectoryReader;
import dev.embedbench.results.TargetKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A provenance label far longer than a chart is wide wraps instead of being clipped: every word of
 * it is in the SVG, and every piece of text lies inside the viewBox by the same width estimate the
 * charts use.
 */
class LongLabelsTest {

  private static final String DETAIL =
      "random weights in the shapes of Qwen3-Embedding-0.6B (28 layers, hidden "
          + "size 1024, 16 attention heads, seed 42), tokenizer from the bundled vocabulary, 2 threads on a shared "
          + "2-core machine; not priced: a CPU is not a GPU, so its capacity says nothing about an A10G deployment";
  private static final Provenance LONG =
      new Provenance(TargetKind.IN_PROCESS, WeightsSource.SYNTHETIC, Device.CPU, DETAIL);

  @TempDir Path tmp;

  @Test
  void spectrumAndThroughputLegendsWrapTheWholeProvenance() throws Exception {
    RunFixtures.writeSweep(
        tmp.resolve("sweeps/short"), "short", "emulated", 3, 20, 100, new double[] {10, 50}, 100);
    RunFixtures.writeSweep(
        tmp.resolve("sweeps/long"), "long", "in-process", 5, 20, 100, new double[] {10, 50}, 100);
    ReportInput input =
        RunDirectoryReader.read(List.of(tmp.resolve("sweeps")), "long labels", Instant.EPOCH);
    List<ModelReport> models = new ArrayList<>();
    for (ModelReport model : input.models()) {
      models.add(
          model.modelName().equals("long")
              ? new ModelReport(model.modelName(), LONG, model.headline(), model.sweep())
              : model);
    }
    SeriesStyles styles = new SeriesStyles(List.of("short", "long"));
    assertTrue(
        TextWidth.px(LONG.label(), Legend.FONT_PX, false) > 1200 * 2,
        "the label needs three lines or more");

    for (String svg :
        List.of(
            SpectrumChart.render("s", models, styles),
            ThroughputChart.render("t", models, styles))) {
      Document document = ReportDocuments.parse(svg, false);
      assertEveryTextInsideTheViewBox(document);
      assertContainsEveryWord(document, LONG.label());
      Element entry = legendEntryContaining(document, "long [" + LONG.label() + "]");
      List<Element> lines = ReportDocuments.select(entry, "text");
      assertTrue(lines.size() >= 3, "the long label wraps: " + lines.size() + " lines");
      assertEquals(
          entry.getAttribute("data-label"), joined(lines), "the lines give back the whole label");
    }
  }

  @Test
  void costChartsWrapTheWholeProvenance() throws Exception {
    String provenance = "measured: " + LONG.label();
    CostRow row =
        new CostRow(
            "Qwen3-Embedding-0.6B",
            provenance,
            "A10G",
            16,
            3,
            2.85,
            5.47,
            24_966,
            Optional.empty(),
            Optional.of(64.33),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    CostSection cost =
        new CostSection(
            "5,000,000 requests/day",
            "",
            "MTEB",
            List.of(row, RunFixtures.costSection().rows().get(1)));
    SeriesStyles styles = new SeriesStyles(List.of("Qwen3-Embedding-0.6B", "Qwen3-Embedding-8B"));

    Document quality = ReportDocuments.parse(CostQualityChart.render("q", cost, styles), false);
    assertEveryTextInsideTheViewBox(quality);
    assertContainsEveryWord(quality, provenance);
    Element entry = legendEntryContaining(quality, provenance);
    assertEquals(entry.getAttribute("data-label"), joined(ReportDocuments.select(entry, "text")));

    Document bars = ReportDocuments.parse(CostBarChart.render("b", cost, styles), false);
    assertEveryTextInsideTheViewBox(bars);
    assertContainsEveryWord(bars, provenance);
  }

  /**
   * Each text element, by its anchor, font size and weight, fits between 0 and the viewBox's width
   * and height.
   */
  private static void assertEveryTextInsideTheViewBox(Document document) throws Exception {
    String[] viewBox = document.getDocumentElement().getAttribute("viewBox").split(" ");
    double width = Double.parseDouble(viewBox[2]);
    double height = Double.parseDouble(viewBox[3]);
    List<Element> texts = ReportDocuments.select(document, "//text");
    assertTrue(texts.size() > 10, "the chart has text");
    for (Element text : texts) {
      if (text.hasAttribute("transform")) {
        continue; // the rotated y-axis title runs along the height, not the width
      }
      double x = Double.parseDouble(text.getAttribute("x"));
      double y = Double.parseDouble(text.getAttribute("y"));
      double textWidth =
          TextWidth.px(
              text.getTextContent(),
              Integer.parseInt(text.getAttribute("font-size")),
              "bold".equals(text.getAttribute("font-weight")));
      double start =
          switch (text.getAttribute("text-anchor")) {
            case "end" -> x - textWidth;
            case "middle" -> x - textWidth / 2;
            default -> x;
          };
      String where =
          "'"
              + text.getTextContent()
              + "' spans "
              + start
              + " to "
              + (start + textWidth)
              + " px of "
              + width;
      assertTrue(start >= 0 && start + textWidth <= width, where);
      assertTrue(
          y > 0 && y <= height, "'" + text.getTextContent() + "' at y " + y + " of " + height);
    }
  }

  private static void assertContainsEveryWord(Document document, String label) throws Exception {
    List<String> shown = new ArrayList<>();
    for (Element text : ReportDocuments.select(document, "//text")) {
      shown.addAll(Arrays.asList(text.getTextContent().split(" ")));
    }
    // A token may carry the brackets that close the label around it, as in "[in-process".
    for (String word : label.split(" ")) {
      assertTrue(
          shown.stream().anyMatch(token -> token.contains(word)),
          "'" + word + "' of the label is shown");
    }
  }

  private static Element legendEntryContaining(Document document, String label) throws Exception {
    List<Element> entries =
        ReportDocuments.select(document, "//g[@class='legend-entry']").stream()
            .filter(entry -> entry.getAttribute("data-label").contains(label))
            .toList();
    assertEquals(1, entries.size(), "one legend entry carries " + label);
    return entries.get(0);
  }

  private static String joined(List<Element> lines) {
    return String.join(" ", lines.stream().map(Element::getTextContent).toList());
  }
}
