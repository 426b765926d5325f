package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.embedbench.loadgen.TestEmbeddingServer.Fate;
import dev.embedbench.loadgen.driver.HttpClientKind;
import dev.embedbench.results.ResultReader;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole runs against local servers with known behaviour. Bounds are generous: the CI machine is
 * shared.
 */
class LoadRunTest {

  @TempDir Path tmp;

  private RunSummary run(LoadConfig config) throws Exception {
    return new LoadRun(
            config, TestConfigs.workload(), tmp.resolve("run"), TestConfigs.HOME, line -> {})
        .execute();
  }

  private RunSummary run(LoadConfig config, HttpClientKind client) throws Exception {
    return new LoadRun(
            config, TestConfigs.workload(), tmp.resolve("run"), TestConfigs.HOME, line -> {})
        .httpClient(client)
        .execute();
  }

  /**
   * Lower bounds hold on any machine; upper bounds on latency only when the generator itself says
   * it kept its schedule. On a starved machine it marks the run INVALID, and its latencies then
   * measure the machine, not the generator, so those checks are skipped with the generator's
   * reasons.
   */
  private static void assumeKeptItsSchedule(RunSummary summary) {
    assumeTrue(
        summary.valid(),
        () -> "machine too busy for the upper latency bounds: " + summary.invalidReasons());
  }

  @Test
  void fixedDelayServerGivesMedianNearTheDelay() throws Exception {
    // The server's timer fires after 50 ms or a little later; on a busy shared machine, up to 10 ms
    // later.
    try (TestEmbeddingServer server = new TestEmbeddingServer().delay(50)) {
      RunSummary summary =
          run(
              TestConfigs.open(
                  server.baseUrl(), 40, 4, Duration.ofMillis(1500), Duration.ofMillis(300)));
      assertEquals(
          summary.requests().scheduled(), summary.requests().ok(), "every request should succeed");
      assertTrue(
          summary.serviceTimeMs().p50() >= 49.5, "service p50 " + summary.serviceTimeMs().p50());
      assertTrue(
          summary.responseTimeMs().p50() >= 49.5, "response p50 " + summary.responseTimeMs().p50());
      assertEquals("emulated", summary.target().kind(), "kind comes from the target's /v1/models");
      assertEquals(TestEmbeddingServer.DIMENSIONS, summary.workload().responseDimensions());
      assumeKeptItsSchedule(summary);
      assertTrue(
          summary.serviceTimeMs().p50() <= 60, "service p50 " + summary.serviceTimeMs().p50());
      assertTrue(
          summary.responseTimeMs().p50() <= 62, "response p50 " + summary.responseTimeMs().p50());
    }
  }

  @Test
  void stallShowsInCorrectedResponseTimeButNotInServiceTime() throws Exception {
    try (TestEmbeddingServer server = new TestEmbeddingServer().delay(1).stall(1000, 1000)) {
      RunSummary summary =
          run(TestConfigs.open(server.baseUrl(), 100, 2, Duration.ofMillis(3000), Duration.ZERO));
      assertEquals(summary.requests().scheduled(), summary.requests().ok());
      // About 100 requests were due during the stall: their waits spread evenly from 0 to 1 s.
      assertTrue(
          summary.responseTimeMs().max() >= 900, "corrected max " + summary.responseTimeMs().max());
      assertTrue(
          summary.responseTimeMs().p99() >= 700, "corrected p99 " + summary.responseTimeMs().p99());
      assertTrue(
          summary.responseTimeMs().p90() >= 150, "corrected p90 " + summary.responseTimeMs().p90());
      // Only the two requests on the wire during the stall took long to serve (1% of 300 is 3).
      assertTrue(
          summary.serviceTimeMs().max() >= 900, "service max " + summary.serviceTimeMs().max());
      assumeKeptItsSchedule(summary);
      assertTrue(
          summary.serviceTimeMs().p99() < 250, "service p99 " + summary.serviceTimeMs().p99());
    }
  }

  @Test
  void achievedRateIsWithinOnePercentOfTarget() throws Exception {
    try (TestEmbeddingServer server = new TestEmbeddingServer()) {
      RunSummary summary =
          run(
              TestConfigs.open(
                  server.baseUrl(), 200, 8, Duration.ofSeconds(2), Duration.ofMillis(500)));
      assertEquals(200.0, summary.achievedRate(), 2.0, "achieved rate");
      assertEquals(0, summary.requests().notSent());
      assertEquals(400, summary.requests().scheduled(), 2, "2 s at 200/s after the warm-up");
      assertTrue(summary.warmupRequests().scheduled() >= 99, "warm-up requests counted apart");
    }
  }

  @Test
  void closedLoopNeverExceedsItsConcurrency() throws Exception {
    try (TestEmbeddingServer server = new TestEmbeddingServer().delay(5)) {
      RunSummary summary =
          run(TestConfigs.closed(server.baseUrl(), 4, 16, Duration.ofMillis(1200), null));
      assertTrue(server.maxInFlight() <= 4, "server saw " + server.maxInFlight() + " at once");
      assertTrue(
          server.maxInFlight() >= 2, "the workers should overlap, saw " + server.maxInFlight());
      assertTrue(summary.requests().ok() > 50, "ok " + summary.requests().ok());
      assertEquals("closed", summary.mode());
    }
  }

  @ParameterizedTest
  @EnumSource(HttpClientKind.class)
  void failuresAreCountedExactlyByClass(HttpClientKind client) throws Exception {
    java.util.function.IntFunction<Fate> rule =
        n -> {
          if (n == 17) {
            return Fate.HANG;
          }
          if (n % 5 == 0) {
            return Fate.STATUS_503;
          }
          if (n % 7 == 0) {
            return Fate.STATUS_400;
          }
          if (n % 11 == 0) {
            return Fate.WRONG_COUNT;
          }
          return n % 13 == 0 ? Fate.CLOSE_CONNECTION : Fate.OK;
        };
    Map<String, Long> expected = new TreeMap<>();
    long expectedOk = 0;
    for (int n = 1; n <= 100; n++) {
      switch (rule.apply(n)) {
        case HANG -> expected.merge("timeout", 1L, Long::sum);
        case STATUS_503 -> expected.merge("http_503", 1L, Long::sum);
        case STATUS_400 -> expected.merge("http_400", 1L, Long::sum);
        case WRONG_COUNT -> expected.merge("invalid_body", 1L, Long::sum);
        case CLOSE_CONNECTION -> expected.merge("connection_reset", 1L, Long::sum);
        default -> expectedOk++;
      }
    }
    try (TestEmbeddingServer server = new TestEmbeddingServer().fates(rule)) {
      // One worker: arrivals follow the request order exactly.
      RunSummary summary =
          run(TestConfigs.closed(server.baseUrl(), 1, 1, Duration.ofSeconds(20), 100L), client);
      assertEquals(client.label(), summary.generator().httpClient());
      assertEquals(expected, new TreeMap<>(summary.requests().failed()));
      assertEquals(expectedOk, summary.requests().ok());
      assertEquals(100, summary.requests().scheduled());
      assertTrue(
          summary.failureSamples().get("http_503").contains("overloaded"),
          summary.failureSamples().toString());
      assertEquals((100.0 - expectedOk) / 100.0, summary.errorRate(), 1e-9);
    }
  }

  @ParameterizedTest
  @EnumSource(HttpClientKind.class)
  void connectionRefusedIsCountedAsSuch(HttpClientKind client) throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RunSummary summary =
        run(
            TestConfigs.closed("http://127.0.0.1:" + port + "/v1", 1, 1, Duration.ofSeconds(5), 5L),
            client);
    assertEquals(Map.of("connection_refused", 5L), summary.requests().failed());
    assertEquals("unknown", summary.target().kind());
  }

  @Test
  void interruptedRunLeavesValidPartialResults() throws Exception {
    try (TestEmbeddingServer server = new TestEmbeddingServer().delay(2)) {
      LoadRun run =
          new LoadRun(
              TestConfigs.open(server.baseUrl(), 50, 4, Duration.ofSeconds(30), Duration.ZERO),
              TestConfigs.workload(),
              tmp.resolve("run"),
              TestConfigs.HOME,
              line -> {});
      // Stop as Ctrl-C would, once the run has made progress: at its first report, after one
      // second.
      long[] stoppedAt = new long[1];
      run.onInterval(
          stats -> {
            stoppedAt[0] = System.nanoTime();
            run.stop("interrupted by the test");
          });
      RunSummary summary = run.execute();
      assertTrue(
          System.nanoTime() - stoppedAt[0] < TimeUnit.SECONDS.toNanos(5),
          "the stop should end the run promptly");
      assertTrue(summary.partial());
      assertEquals("interrupted by the test", summary.partialReason());
      assertTrue(summary.requests().ok() >= 20, "ok " + summary.requests().ok());
      assertEquals(
          summary.requests().scheduled(),
          summary.requests().ok()
              + summary.requests().failedTotal()
              + summary.requests().notSent());
      RunSummary reread = ResultReader.readSummary(tmp.resolve("run"));
      assertEquals(summary, reread, "summary.json round-trips");
      assertEquals(
          summary.requests().ok(),
          countInLog(tmp.resolve("run").resolve(RunFiles.RESPONSE_TIME_LOG)));
      assertTrue(
          Files.readString(tmp.resolve("run").resolve(RunFiles.RESPONSE_TIME_HGRM))
              .contains("#[Mean"));
      List<String> csv = Files.readAllLines(tmp.resolve("run").resolve(RunFiles.TIME_SERIES));
      assertTrue(csv.get(0).startsWith("elapsed_s,phase,scheduled"), csv.get(0));
      assertTrue(csv.size() >= 2, "at least one interval row");
      String config = Files.readString(tmp.resolve("run").resolve(RunFiles.CONFIG));
      assertFalse(config.contains("secret"), "the API key is never written");
      assertTrue(
          config.contains("\"event_loops\"") && config.contains("\"http_client\" : \"netty\""),
          config);
      assertEquals(
          "netty",
          summary.generator().httpClient(),
          "http:// goes through the lean client by default");
    }
  }

  @Test
  void progressLinesArePrintedEverySecond() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (TestEmbeddingServer server = new TestEmbeddingServer()) {
      new LoadRun(
              TestConfigs.open(server.baseUrl(), 20, 2, Duration.ofMillis(2100), Duration.ZERO),
              TestConfigs.workload(),
              tmp.resolve("run"),
              TestConfigs.HOME,
              lines::add)
          .execute();
    }
    assertTrue(lines.size() >= 2, lines.toString());
    assertTrue(lines.get(1).contains("measure") && lines.get(1).contains("p99"), lines.get(1));
  }

  static long countInLog(Path log) throws Exception {
    HistogramLogReader reader = new HistogramLogReader(log.toFile());
    long count = 0;
    for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
      count += ((Histogram) h).getTotalCount();
    }
    reader.close();
    return count;
  }
}
