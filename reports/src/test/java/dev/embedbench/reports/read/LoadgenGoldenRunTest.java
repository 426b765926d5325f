package dev.embedbench.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.model.RunStats;
import dev.embedbench.results.TargetKind;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Run directories written by the load generator's own code (see
 * resources/loadgen-golden/README.md).
 */
class LoadgenGoldenRunTest {

  @TempDir Path tmp;

  private static Path golden() throws URISyntaxException {
    return Path.of(LoadgenGoldenRunTest.class.getResource("/loadgen-golden").toURI());
  }

  private static Path shard(String host) throws Exception {
    try (var dirs = Files.list(golden().resolve(host))) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /**
   * Reads a log independently of the code under test: HdrHistogram's own reader, intervals added.
   */
  private static Histogram total(Path log) throws Exception {
    Histogram total = new Histogram(3);
    HistogramLogReader reader = new HistogramLogReader(new File(log.toString()));
    EncodableHistogram interval;
    while ((interval = reader.nextIntervalHistogram()) != null) {
      total.add((Histogram) interval);
    }
    reader.close();
    return total;
  }

  @Test
  void eachShardShowsItsSummaryExactly() throws Exception {
    for (String host : List.of("host-a", "host-b")) {
      Path dir = shard(host);
      JsonNode summary = RunFixtures.JSON.readTree(dir.resolve("summary.json").toFile());
      ModelReport model =
          RunDirectoryReader.read(List.of(dir), "golden", Instant.EPOCH)
              .model("test-model")
              .orElseThrow();
      RunStats stats = model.headline();
      assertEquals(TargetKind.EMULATED, model.provenance().kind());
      assertEquals(
          summary.get("response_time_ms").get("p99").doubleValue(),
          stats.responseTime().p99Millis());
      assertEquals(
          summary.get("service_time_ms").get("p50").doubleValue(), stats.serviceTime().p50Millis());
      assertEquals(summary.get("achieved_rate").doubleValue(), stats.achievedRatePerSecond());
      assertEquals(summary.get("valid").booleanValue(), stats.valid());
      assertEquals(summary.get("requests").get("ok").longValue(), stats.requests().ok());
      assertEquals(summary.get("error_rate").doubleValue(), stats.requests().errorFraction(), 1e-9);
      // The spectrum comes from the interval log and agrees with the summary's percentiles.
      assertEquals(
          summary.get("response_time_ms").get("count").longValue(),
          stats.responseSpectrum().sampleCount());
      assertTrue(stats.responseSpectrum().fromHistogram());
      double p50 =
          stats.responseSpectrum().points().stream()
              .filter(p -> p.quantile() == 0.5)
              .findFirst()
              .orElseThrow()
              .latencyMillis();
      assertEquals(summary.get("response_time_ms").get("p50").doubleValue(), p50, 0.0005 + 1e-9);
    }
  }

  @Test
  void shardsFromTwoHostsMergeExactly() throws Exception {
    Path a = shard("host-a");
    Path b = shard("host-b");
    RunStats merged =
        RunDirectoryReader.read(List.of(golden()), "golden", Instant.EPOCH)
            .model("test-model")
            .orElseThrow()
            .headline();
    Histogram union = total(a.resolve("response_time.hlog"));
    union.add(total(b.resolve("response_time.hlog")));
    assertEquals(union.getValueAtPercentile(99) / 1e6, merged.responseTime().p99Millis());
    assertEquals(union.getValueAtPercentile(50) / 1e6, merged.responseTime().p50Millis());
    assertEquals(union.getMaxValue() / 1e6, merged.responseTime().maxMillis());
    assertEquals(union.getTotalCount(), merged.responseSpectrum().sampleCount());
    JsonNode summaryA = RunFixtures.JSON.readTree(a.resolve("summary.json").toFile());
    JsonNode summaryB = RunFixtures.JSON.readTree(b.resolve("summary.json").toFile());
    assertEquals(
        summaryA.get("achieved_rate").doubleValue() + summaryB.get("achieved_rate").doubleValue(),
        merged.achievedRatePerSecond(),
        1e-9);
    assertEquals(
        summaryA.get("valid").booleanValue() && summaryB.get("valid").booleanValue(),
        merged.valid());
    assertEquals(2, merged.sourceDirs().size());
  }

  @Test
  void reportShowsAnInvalidRunAsInvalid() throws Exception {
    Path a = shard("host-a");
    JsonNode summary = RunFixtures.JSON.readTree(a.resolve("summary.json").toFile());
    ReportInput input = RunDirectoryReader.read(List.of(a), "golden", Instant.EPOCH);
    ReportFiles files = ReportWriter.write(input, tmp);
    Document html = ReportDocuments.parse(Files.readString(files.html()), false);
    String status =
        ReportDocuments.select(html, "//table[@id='table-models']/tbody/tr/td").stream()
            .reduce((first, second) -> second)
            .orElseThrow()
            .getTextContent();
    assertEquals(!summary.get("valid").booleanValue(), status.startsWith("INVALID"), status);
    assertFalse(Files.readString(files.markdown()).isBlank());
  }
}
