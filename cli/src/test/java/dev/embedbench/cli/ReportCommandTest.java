package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import dev.embedbench.reports.cost.CostAnalysisAdapter;
import dev.embedbench.reports.cost.CostAnswerFiles;
import dev.embedbench.reports.read.CostReportFiles;
import dev.embedbench.testsupport.console.CapturedConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

  @TempDir Path tmp;

  private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    try (CapturedConsole console = CapturedConsole.into(out, err)) {
      return new CommandLine(new Main()).execute(args);
    }
  }

  @Test
  void writesTheReportIntoTheGivenDirectory() throws Exception {
    Path runDir = tmp.resolve("run");
    CostReportFiles.write(
        CostAnalysisAdapter.contents(
            CostAnalysis.of(ScenarioLoader.loadBundledArticle()), Map.of()),
        runDir);
    CostAnswerFiles.write(
        CostAnalysisAdapter.answer(CostAnalysis.of(ScenarioLoader.loadBundledArticle()), Map.of()),
        runDir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        run(
            out,
            err,
            "report",
            "--title",
            "Article",
            "--out",
            tmp.resolve("out").toString(),
            runDir.toString());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.readString(tmp.resolve("out/report.html")).contains("<title>Article</title>"));
    assertTrue(Files.isRegularFile(tmp.resolve("out/report.md")));
    assertTrue(Files.isRegularFile(tmp.resolve("out/report-cost.csv")));
    // the answer, rebuilt from the directory: first in the HTML, last on the console, with its
    // demand CSV
    String html = Files.readString(tmp.resolve("out/report.html"));
    assertTrue(
        html.indexOf("id=\"table-answer\"")
            < html.indexOf("<table", html.indexOf("id=\"table-answer\"") + 1));
    assertTrue(html.contains("id=\"chart-demand\""));
    assertTrue(Files.isRegularFile(tmp.resolve("out/report-demand.csv")));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Unit cost at measured capacity"));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("report: " + tmp.resolve("out/report.html")));
  }

  @Test
  void badDirectoryExitsWithAMessageNotAStackTrace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(out, err, "report", tmp.resolve("missing").toString());
    assertEquals(2, status);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.startsWith("embedbench report: ") && message.contains("not a directory"), message);
    assertTrue(!message.contains("Exception"), message);
  }
}
