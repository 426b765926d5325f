package dev.embedbench.loadgen.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.loadgen.ClosedLoop;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.SweepFixtures;
import dev.embedbench.results.Bracket;
import dev.embedbench.results.Capacity;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.ResultReader;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.Slo;
import dev.embedbench.results.SweepResult;
import dev.embedbench.results.SweepStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

  @TempDir Path tmp;

  @Test
  void probesThenBisectsToTheKneeOfAServerWithAKnownCapacity() throws Exception {
    try (var server = SweepFixtures.server(100)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(700), Duration.ofMillis(200));
      SweepPlan plan = new SweepPlan(5, 2000, 10, 2, Duration.ofSeconds(12));
      long start = System.nanoTime();
      SweepResult result =
          new Sweep(
                  base,
                  SweepFixtures.workload(),
                  plan,
                  new Slo(50, 0.01),
                  null,
                  tmp,
                  SweepFixtures.home(),
                  System.out::println)
              .run();
      double seconds = (System.nanoTime() - start) / 1e9;
      // One request at a time at 10 ms each: a closed loop completes 100/s, and no open-loop rate
      // above
      // that is sustainable (a short step slightly above it passes while its queue is still short).
      assertNotNull(result.probe());
      assertTrue(result.probe().usable());
      // A busy machine delays sends, so fewer than 64 may be in flight: the estimate is rough.
      assertTrue(
          Math.abs(result.probe().saturationRequestsPerS() - 100) < 25,
          "saturation " + result.probe().saturationRequestsPerS());
      Capacity capacity = result.capacity();
      assertNotNull(capacity, "some rate should meet the SLO");
      assertEquals(Bracket.BRACKETED, capacity.bracket());
      assertTrue(capacity.upperBracketRequestsPerS() > capacity.requestsPerS());
      assertTrue(capacity.requestsPerS() <= 110, "capacity " + capacity.requestsPerS());
      assertEquals(capacity.requestsPerS(), result.bestRate());
      assertEquals(
          capacity.upperBracketRequestsPerS(),
          result.firstFailingRate(),
          "a failing step brackets it");
      assertEquals(
          result.probe().saturationRequestsPerS(),
          result.steps().get(0).rate(),
          1e-9,
          "the first step runs at the saturation");
      assertTrue(seconds < 20, "sweep took " + seconds + " s, over its own 12 s budget");
      // A starved generator fails steps the server could have passed; the knee's lower bound holds
      // only
      // when every step kept its schedule.
      if (result.steps().stream().allMatch(s -> s.summary().valid())) {
        assertTrue(capacity.requestsPerS() >= 50, "capacity " + capacity.requestsPerS());
      }
      JsonNode json = ResultJson.MAPPER.readTree(tmp.resolve("sweep.json").toFile());
      assertEquals(result.bestRate(), json.get("best_rate").asDouble());
      assertEquals(50.0, json.get("slo").get("p99_ms").asDouble());
      JsonNode written = json.get("capacity");
      assertEquals("bracketed", written.get("bracket").asText());
      assertEquals(capacity.requestsPerS(), written.get("requests_per_s").asDouble());
      assertEquals(
          capacity.upperBracketRequestsPerS(),
          written.get("upper_bracket_requests_per_s").asDouble());
      assertEquals(1, written.get("repeats").asInt());
      assertTrue(written.get("mean_tokens_per_input").asDouble() > 0);
      assertEquals("estimated", written.get("token_count").asText());
      assertEquals(result.steps().size(), json.get("steps").size());
      assertTrue(Files.isRegularFile(tmp.resolve(result.probe().dir()).resolve(RunFiles.SUMMARY)));
      for (SweepStep step : result.steps()) {
        assertTrue(
            Files.isRegularFile(tmp.resolve(step.dir()).resolve(RunFiles.SUMMARY)), step.dir());
      }
      List<String> csv = Files.readAllLines(tmp.resolve("sweep.csv"));
      assertEquals(result.steps().size() + 1, csv.size());
    }
  }

  @Test
  void aSweepThatNeverFailsWritesALowerBoundAndTheConsoleSaysSo() throws Exception {
    try (var server = SweepFixtures.server(0)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(500), Duration.ofMillis(100));
      // The server answers thousands a second; the sweep may not go above 20/s, so nothing above 20
      // fails.
      SweepPlan plan = new SweepPlan(5, 20, 10, 2, Duration.ofSeconds(10));
      List<String> console = new ArrayList<>();
      SweepResult result =
          new Sweep(
                  base,
                  SweepFixtures.workload(),
                  plan,
                  new Slo(1000, 0.01),
                  null,
                  tmp,
                  SweepFixtures.home(),
                  console::add)
              .run();
      Capacity capacity = result.capacity();
      assertNotNull(capacity);
      assertEquals(Bracket.LOWER_BOUND, capacity.bracket());
      assertNull(capacity.upperBracketRequestsPerS());
      assertEquals(20.0, capacity.requestsPerS());
      assertTrue(result.stoppedBecause().contains("max rate"), result.stoppedBecause());
      JsonNode written =
          ResultJson.MAPPER.readTree(tmp.resolve("sweep.json").toFile()).get("capacity");
      assertEquals("lower_bound", written.get("bracket").asText());
      assertTrue(written.get("upper_bracket_requests_per_s").isNull());
      String last = console.get(console.size() - 1);
      assertTrue(last.startsWith("capacity: ≥ 20 req/s"), last);
    }
  }

  @Test
  void repeatedSearchesGiveTheMedianAndItsRange() throws Exception {
    try (var server = SweepFixtures.server(100)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(600), Duration.ofMillis(150));
      SweepPlan plan = new SweepPlan(5, 2000, 5, 2, Duration.ofSeconds(6));
      SweepResult result =
          new Sweep(
                  base,
                  SweepFixtures.workload(),
                  plan,
                  new Slo(50, 0.01),
                  null,
                  tmp,
                  SweepFixtures.home(),
                  System.out::println)
              .repeat(3)
              .run();
      Capacity capacity = result.capacity();
      assertNotNull(capacity);
      assertEquals(3, capacity.repeats());
      assertEquals(3, capacity.searchesRequestsPerS().size());
      assertEquals(Capacity.median(capacity.searchesRequestsPerS()), capacity.requestsPerS());
      assertTrue(
          capacity.minRequestsPerS() <= capacity.requestsPerS()
              && capacity.requestsPerS() <= capacity.maxRequestsPerS());
      for (int search = 2; search <= 3; search++) {
        int s = search;
        long count = result.steps().stream().filter(step -> step.search() == s).count();
        assertTrue(
            count >= 1 && count <= plan.bisectSteps(), "search " + s + " ran " + count + " steps");
      }
      JsonNode written =
          ResultJson.MAPPER.readTree(tmp.resolve("sweep.json").toFile()).get("capacity");
      assertEquals(3, written.get("repeats").asInt());
      // The results module reads back exactly what the sweep wrote: every step's summary from its
      // own
      // directory, the probe's, and the capacity.
      assertEquals(result, ResultReader.readSweep(tmp));
      assertEquals(
          result.steps().get(0).summary(),
          ResultReader.readSummary(tmp.resolve(result.steps().get(0).dir())));
      assertEquals(capacity.minRequestsPerS(), written.get("min_requests_per_s").asDouble());
      assertEquals(capacity.maxRequestsPerS(), written.get("max_requests_per_s").asDouble());
    }
  }

  @Test
  void isBoundedInTime() throws Exception {
    try (var server = SweepFixtures.server(200)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(300), Duration.ofMillis(100));
      SweepPlan plan = new SweepPlan(10, 10_000, 50, 3, Duration.ofSeconds(2));
      long start = System.nanoTime();
      SweepResult result =
          new Sweep(
                  base,
                  SweepFixtures.workload(),
                  plan,
                  new Slo(1000, 0.01),
                  null,
                  tmp,
                  SweepFixtures.home(),
                  System.out::println)
              .run();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(result.stoppedBecause().contains("time budget"), result.stoppedBecause());
      // A step starts only when one as long as the last (at least as planned) still fits in the
      // budget,
      // so the budget is overrun by at most one step's start-up and drain (slow in a cold JVM).
      assertTrue(seconds < 5, "sweep took " + seconds + " s");
      assertFalse(result.steps().isEmpty());
      assertFalse(result.partial());
    }
  }

  @Test
  void anInterruptedSweepIsPartialAndJudgesNoRateByTheStoppedRun() throws Exception {
    try (var server = SweepFixtures.server(0)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofSeconds(20), Duration.ZERO);
      Sweep sweep =
          new Sweep(
              base,
              SweepFixtures.workload(),
              new SweepPlan(10, 1000, 10, 2, Duration.ofMinutes(5)),
              new Slo(1000, 0.01),
              null,
              tmp,
              SweepFixtures.home(),
              line -> {});
      var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      timer.schedule(
          () -> sweep.stop("interrupted by the test"),
          1500,
          java.util.concurrent.TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      SweepResult result = sweep.run();
      timer.shutdown();
      assertTrue((System.nanoTime() - start) / 1e9 < 8, "the stop should end the sweep promptly");
      assertTrue(result.partial());
      assertEquals("stopped: interrupted by the test", result.stoppedBecause());
      assertFalse(result.probe().usable(), "a stopped probe bounds nothing");
      assertNull(result.firstFailingRate(), "the stopped run is not a failure of any rate");
      assertNull(result.capacity());
      assertTrue(Files.isRegularFile(tmp.resolve("sweep.json")));
    }
  }

  @Test
  void plansStateTheirRules() {
    assertThrows(
        IllegalArgumentException.class, () -> new SweepPlan(0, 100, 5, 1, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new SweepPlan(10, 5, 5, 1, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new SweepPlan(10, 100, 5, 0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new Slo(0, 0.01));
    try (var server = SweepFixtures.server(0)) {
      LoadConfig closed =
          new LoadConfig(
              "x",
              server.baseUrl(),
              "m",
              null,
              new ClosedLoop(1),
              1,
              Duration.ofSeconds(1),
              null,
              Duration.ZERO,
              Duration.ofSeconds(1),
              SweepFixtures.spec(),
              true,
              1);
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new Sweep(
                  closed,
                  SweepFixtures.workload(),
                  new SweepPlan(10, 100, 5, 1, Duration.ofSeconds(1)),
                  new Slo(10, 0),
                  null,
                  tmp,
                  tmp,
                  l -> {}));
      LoadConfig open = SweepFixtures.base(server, Duration.ofSeconds(1), Duration.ZERO);
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new Sweep(
                      open,
                      SweepFixtures.workload(),
                      new SweepPlan(10, 100, 5, 1, Duration.ofSeconds(1)),
                      new Slo(10, 0),
                      null,
                      tmp,
                      tmp,
                      l -> {})
                  .repeat(0));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
