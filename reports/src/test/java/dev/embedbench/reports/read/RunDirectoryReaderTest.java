package dev.embedbench.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.LatencyPercentiles;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.RunStats;
import dev.embedbench.reports.model.SpectrumPoint;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.results.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

  @TempDir Path tmp;

  private ReportInput read(Path... dirs) {
    return RunDirectoryReader.read(List.of(dirs), "test", NOW);
  }

  @Test
  void singleRunKeepsItsSummaryFiguresExactly() throws Exception {
    Path dir =
        RunFixtures.writeRun(
            tmp.resolve("run"),
            "m",
            "remote",
            40.0,
            RunFixtures.latenciesNanos(1, 50, 0.4, 2000),
            RunFixtures.latenciesNanos(2, 45, 0.2, 2000),
            10,
            Map.of("http_503", 7L, "timeout", 2L),
            3,
            true);
    JsonNode summary = RunFixtures.JSON.readTree(dir.resolve("summary.json").toFile());
    ModelReport model = read(dir).model("m").orElseThrow();
    RunStats stats = model.headline();
    JsonNode response = summary.get("response_time_ms");
    assertEquals(
        new LatencyPercentiles(
            response.get("p50").doubleValue(),
            response.get("p90").doubleValue(),
            response.get("p99").doubleValue(),
            response.get("p999").doubleValue(),
            response.get("max").doubleValue(),
            response.get("mean").doubleValue()),
        stats.responseTime());
    assertEquals(summary.get("achieved_rate").doubleValue(), stats.achievedRatePerSecond());
    assertEquals(9, stats.requests().failed());
    assertEquals(3, stats.requests().notSent());
    assertEquals(2000, stats.requests().ok());
    assertTrue(stats.partial());
    assertEquals(TargetKind.REMOTE, model.provenance().kind());
    assertEquals(WeightsSource.UNKNOWN, model.provenance().weights());
    assertTrue(model.sweep().isEmpty());
    assertEquals(2000, stats.responseSpectrum().sampleCount());
    assertTrue(stats.responseSpectrum().fromHistogram());
  }

  @Test
  void spectrumFollowsTheHistogramUpToWhatTheSampleCountResolves() throws Exception {
    // 1..1000 ms, one request each: the value at quantile q is about q * 1000 ms.
    long[] nanos = LongStream.rangeClosed(1, 1000).map(ms -> ms * 1_000_000).toArray();
    Path dir =
        RunFixtures.writeRun(
            tmp.resolve("run"), "m", "emulated", null, nanos, nanos, 4, Map.of(), 0, false);
    List<SpectrumPoint> points =
        read(dir).model("m").orElseThrow().headline().responseSpectrum().points();
    assertEquals(0.999, points.get(points.size() - 1).quantile(), 1e-12, "stops at 1 - 1/count");
    SpectrumPoint p90 = points.stream().filter(p -> p.quantile() == 0.9).findFirst().orElseThrow();
    assertEquals(
        900, p90.latencyMillis(), 900 * 0.001, "p90 of 1..1000 ms within the histogram's 3 digits");
    for (double marked : List.of(0.5, 0.9, 0.99, 0.999)) {
      assertTrue(
          points.stream().anyMatch(p -> p.quantile() == marked),
          "marked quantile " + marked + " present");
    }
    assertTrue(
        read(dir).model("m").orElseThrow().headline().targetRatePerSecond().isEmpty(),
        "closed loop");
  }

  @Test
  void twoShardsMergeLikeOneRunOverTheirUnion() throws Exception {
    long[] a = RunFixtures.latenciesNanos(10, 30, 0.5, 3000);
    long[] b = RunFixtures.latenciesNanos(20, 90, 0.3, 1000);
    Path first =
        RunFixtures.writeRun(
            tmp.resolve("host-a/run"),
            "m",
            "emulated",
            30.0,
            a,
            a,
            10,
            Map.of("timeout", 1L),
            0,
            false);
    Path second =
        RunFixtures.writeRun(
            tmp.resolve("host-b/run"), "m", "emulated", 10.0, b, b, 10, Map.of(), 2, false);
    RunStats merged = read(first, second).model("m").orElseThrow().headline();

    long[] union = LongStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray();
    Histogram expected = RunFixtures.histogram(union);
    assertEquals(expected.getValueAtPercentile(99) / 1e6, merged.responseTime().p99Millis());
    assertEquals(expected.getValueAtPercentile(50) / 1e6, merged.responseTime().p50Millis());
    assertEquals(expected.getMaxValue() / 1e6, merged.responseTime().maxMillis());
    assertEquals(expected.getMean() / 1e6, merged.responseTime().meanMillis(), 1e-9);
    assertEquals(4000, merged.responseSpectrum().sampleCount());
    assertEquals(400.0, merged.achievedRatePerSecond(), 1e-9, "concurrent shards add their rates");
    assertEquals(40.0, merged.targetRatePerSecond().orElseThrow(), 1e-9);
    assertEquals(1, merged.requests().failed());
    assertEquals(2, merged.requests().notSent());
    assertTrue(merged.merged());
    // Merging is not averaging: the mean of the two p99s would be far off the union's p99.
    double p99A = RunFixtures.histogram(a).getValueAtPercentile(99) / 1e6;
    double p99B = RunFixtures.histogram(b).getValueAtPercentile(99) / 1e6;
    assertFalse(Math.abs((p99A + p99B) / 2 - merged.responseTime().p99Millis()) < 1);
  }

  @Test
  void sweepHeadlinesTheHighestRateThatMetTheSlo() throws Exception {
    Path dir =
        RunFixtures.writeSweep(
            tmp.resolve("sweep"),
            "m",
            "emulated",
            5,
            100,
            40,
            new double[] {5, 10, 20, 40, 80},
            400);
    JsonNode sweep = RunFixtures.JSON.readTree(dir.resolve("sweep.json").toFile());
    ModelReport model = read(dir).model("m").orElseThrow();
    assertEquals(5, model.sweep().orElseThrow().steps().size());
    double best = sweep.get("best_rate").doubleValue();
    assertEquals(best, model.sweep().orElseThrow().bestRatePerSecond().orElseThrow());
    assertEquals(best, model.headline().targetRatePerSecond().orElseThrow());
    for (int i = 0; i < 5; i++) {
      assertEquals(
          sweep.get("steps").get(i).get("pass").booleanValue(),
          model.sweep().orElseThrow().steps().get(i).metSlo());
    }
    assertFalse(model.sweep().orElseThrow().steps().get(4).metSlo(), "80/s is twice the capacity");
  }

  @Test
  void provenanceFileAddsWhatTheLoadGeneratorCannotKnow() throws Exception {
    Path dir = tmp.resolve("compare");
    RunFixtures.writeSimpleRun(dir.resolve("m"), "m", "in-process", 1, 10, 100);
    ProvenanceFiles.write(
        Map.of(
            "m",
            new Provenance(TargetKind.IN_PROCESS, WeightsSource.SYNTHETIC, Device.CPU, "tiny")),
        dir);
    Provenance provenance = read(dir).model("m").orElseThrow().provenance();
    assertEquals("in-process · synthetic weights · CPU · tiny", provenance.label());
    assertTrue(provenance.isStandIn());
  }

  @Test
  void provenanceThatContradictsTheSummaryIsRejected() throws Exception {
    Path dir = tmp.resolve("compare");
    RunFixtures.writeSimpleRun(dir.resolve("m"), "m", "emulated", 1, 10, 100);
    ProvenanceFiles.write(
        Map.of("m", new Provenance(TargetKind.REMOTE, WeightsSource.REAL, Device.GPU, "")), dir);
    RunDirectoryException error = assertThrows(RunDirectoryException.class, () -> read(dir));
    assertTrue(error.getMessage().contains("models.m.kind"), error.getMessage());
  }

  @Test
  void differentKindsOfTheSameModelDoNotMerge() throws Exception {
    Path a = RunFixtures.writeSimpleRun(tmp.resolve("a"), "m", "emulated", 1, 10, 100);
    Path b = RunFixtures.writeSimpleRun(tmp.resolve("b"), "m", "remote", 2, 10, 100);
    RunDirectoryException error = assertThrows(RunDirectoryException.class, () -> read(a, b));
    assertTrue(error.getMessage().contains("cannot be merged"), error.getMessage());
  }

  @Test
  void mergingNeedsTheHistogramLogs() throws Exception {
    Path a = RunFixtures.writeSimpleRun(tmp.resolve("a"), "m", "emulated", 1, 10, 100);
    Path b = RunFixtures.writeSimpleRun(tmp.resolve("b"), "m", "emulated", 2, 10, 100);
    Files.delete(b.resolve("response_time.hlog"));
    Files.delete(b.resolve("service_time.hlog"));
    ObjectNode json = (ObjectNode) RunFixtures.JSON.readTree(b.resolve("summary.json").toFile());
    json.remove("files");
    RunFixtures.JSON.writeValue(b.resolve("summary.json").toFile(), json);
    RunDirectoryException error = assertThrows(RunDirectoryException.class, () -> read(a, b));
    assertTrue(
        error.getMessage().contains(b.toString()) && error.getMessage().contains("histogram log"),
        error.getMessage());
    // Alone, the run without logs still reports its summary, with a coarse spectrum.
    assertFalse(read(b).model("m").orElseThrow().headline().responseSpectrum().fromHistogram());
  }

  @Test
  void aListedLogThatIsMissingIsAnError() throws Exception {
    Path dir = RunFixtures.writeSimpleRun(tmp.resolve("run"), "m", "emulated", 1, 10, 100);
    Files.delete(dir.resolve("service_time.hlog"));
    RunDirectoryException error = assertThrows(RunDirectoryException.class, () -> read(dir));
    assertTrue(error.getMessage().contains("files.service_time_log"), error.getMessage());
  }

  @Test
  void badSummaryNamesTheFileAndTheKey() throws Exception {
    Path dir = RunFixtures.writeSimpleRun(tmp.resolve("run"), "m", "emulated", 1, 10, 100);
    Path summary = dir.resolve("summary.json");
    ObjectNode json = (ObjectNode) RunFixtures.JSON.readTree(summary.toFile());
    ((ObjectNode) json.get("response_time_ms")).put("p99", "fast");
    RunFixtures.JSON.writeValue(summary.toFile(), json);
    RunDirectoryException error = assertThrows(RunDirectoryException.class, () -> read(dir));
    assertTrue(error.getMessage().contains(summary.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("response_time_ms.p99"), error.getMessage());

    json.remove("target");
    RunFixtures.JSON.writeValue(summary.toFile(), json);
    error = assertThrows(RunDirectoryException.class, () -> read(dir));
    assertTrue(error.getMessage().contains("'target'"), error.getMessage());

    Files.writeString(summary, "{not json");
    error = assertThrows(RunDirectoryException.class, () -> read(dir));
    assertTrue(error.getMessage().contains("not valid JSON"), error.getMessage());
  }

  @Test
  void percentilesThatFallAreRejectedWithTheRule() throws Exception {
    Path dir = RunFixtures.writeSimpleRun(tmp.resolve("run"), "m", "emulated", 1, 10, 100);
    Path summary = dir.resolve("summary.json");
    ObjectNode json = (ObjectNode) RunFixtures.JSON.readTree(summary.toFile());
    ((ObjectNode) json.get("service_time_ms")).put("p50", 1e9);
    RunFixtures.JSON.writeValue(summary.toFile(), json);
    RunDirectoryException error = assertThrows(RunDirectoryException.class, () -> read(dir));
    assertTrue(
        error.getMessage().contains("service_time_ms")
            && error.getMessage().contains("must not decrease"),
        error.getMessage());
  }

  @Test
  void emptyOrMissingDirectoriesAreReported() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    RunDirectoryException error =
        assertThrows(RunDirectoryException.class, () -> read(tmp.resolve("empty")));
    assertTrue(error.getMessage().contains("no summary.json or sweep.json"), error.getMessage());
    error = assertThrows(RunDirectoryException.class, () -> read(tmp.resolve("absent")));
    assertTrue(error.getMessage().contains("not a directory"), error.getMessage());
  }

  @Test
  void costReportRoundTrips() throws Exception {
    Path dir = RunFixtures.writeComparison(tmp.resolve("compare"));
    ReportInput input = read(dir);
    assertEquals(RunFixtures.costSection(), input.cost().orElseThrow());
    assertEquals(RunFixtures.audit(), input.audit());
    assertEquals(
        List.of("BGE-M3", "Qwen3-Embedding-0.6B", "Qwen3-Embedding-8B"),
        input.models().stream().map(ModelReport::modelName).toList());
  }

  @Test
  void aSweepStoppedDuringItsProbeShowsTheProbeAsItsOneRun() throws Exception {
    Path sweep = tmp.resolve("sweep");
    RunFixtures.writeSimpleRun(sweep.resolve("probe-closed-loop"), "m", "emulated", 5, 40, 200);
    Files.writeString(
        sweep.resolve("sweep.json"),
        """
        {"slo": {"p99_ms": 100, "max_error_rate": 0.01}, "steps": [], "best_rate": null, "capacity": null,
         "probe": {"concurrency": 8, "dir": "probe-closed-loop", "saturation_requests_per_s": 0, "usable": false},
         "partial": true}
        """);
    ModelReport model = read(sweep).model("m").orElseThrow();
    assertTrue(model.sweep().isEmpty(), "no step: no sweep to draw");
    assertEquals(
        List.of(sweep.resolve("probe-closed-loop").toString()), model.headline().sourceDirs());
  }
}
