package dev.embedbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.reports.read.RunDirectoryReader;
import dev.embedbench.results.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

  @TempDir Path tmp;

  @Test
  void writesEverythingIntoTheRunDirectoryAndRebuildsTheSame() throws Exception {
    Path runDir = tmp.resolve("runs/20261126T190000Z-compare");
    RunFixtures.writeSweep(
        runDir.resolve("sweeps/BGE-M3"),
        "BGE-M3",
        "emulated",
        1,
        200,
        50,
        new double[] {10, 20, 40},
        800);
    Provenance emulated =
        new Provenance(TargetKind.EMULATED, WeightsSource.UNKNOWN, Device.GPU, "A10G profile");
    ComparisonReport.Result result =
        ComparisonReport.write(
            runDir,
            "compare",
            Map.of("BGE-M3", emulated),
            Optional.of(CostAnalysis.of(ScenarioLoader.loadBundledArticle())));

    assertTrue(Files.isRegularFile(runDir.resolve("report.html")));
    assertTrue(Files.isRegularFile(runDir.resolve("provenance.json")));
    assertTrue(Files.isRegularFile(runDir.resolve("cost-report.json")));
    assertEquals(
        "emulated · GPU · A10G profile",
        result.input().model("BGE-M3").orElseThrow().provenance().label());
    assertTrue(
        result.consoleTable().contains("BGE-M3")
            && result.consoleTable().contains("emulated · GPU"));
    assertTrue(Files.isRegularFile(runDir.resolve("cost-answer.json")));
    assertTrue(
        result.consoleTable().contains("Unit cost at measured capacity"), result.consoleTable());
    assertEquals(
        result.input().answer(),
        ReportInputs.read(List.of(runDir), "compare", Instant.EPOCH).answer());
    assertTrue(result.input().answer().isPresent());
    // `embedbench report RUN_DIR` later reads the same figures from the directory alone.
    assertEquals(
        result.input().models(),
        RunDirectoryReader.read(List.of(runDir), "compare", Instant.EPOCH).models());
    assertEquals(
        result.input().cost(),
        RunDirectoryReader.read(List.of(runDir), "compare", Instant.EPOCH).cost());
  }
}
