package dev.embedbench.loadgen.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.LoadMode;
import dev.embedbench.loadgen.SweepFixtures;
import dev.embedbench.loadgen.result.ResultJson;
import dev.embedbench.loadgen.result.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

  @TempDir
  Path tmp;

  @Test
  void findsTheKneeOfAServerWithAKnownCapacity() throws Exception {
    try (var server = SweepFixtures.server(100)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(700), Duration.ofMillis(200));
      SweepPlan plan = new SweepPlan(25, 2, 0, 2000, 10, 2, Duration.ofSeconds(30));
      long start = System.nanoTime();
      SweepResult result = new Sweep(base, SweepFixtures.workload(), plan, new Slo(200, 0.01), null, tmp,
          SweepFixtures.home(), System.out::println).run();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertNotNull(result.bestRate(), "some rate should meet the SLO");
      // One request at a time at 10 ms each: 100/s is the capacity; above it the queue grows without bound,
      // and at 150/s it adds 50 requests (500 ms) a second.
      assertTrue(result.bestRate() <= 150, "best rate " + result.bestRate());
      assertTrue(result.firstFailingRate() > result.bestRate());
      assertTrue(result.firstFailingRate() <= 200, "first failing rate " + result.firstFailingRate());
      assertTrue(result.steps().stream().anyMatch(s -> s.stage().equals("bisect")), "bisection ran");
      assertTrue(seconds < 40, "sweep took " + seconds + " s, over its own 30 s budget");
      // A starved generator fails steps the server could have passed; the knee's lower bound holds only
      // when every step kept its schedule.
      if (result.steps().stream().allMatch(s -> s.summary().valid())) {
        assertTrue(result.bestRate() >= 50, "best rate " + result.bestRate());
      }
      JsonNode json = ResultJson.MAPPER.readTree(tmp.resolve("sweep.json").toFile());
      assertEquals(result.bestRate(), json.get("best_rate").asDouble());
      assertEquals(200.0, json.get("slo").get("p99_ms").asDouble());
      assertEquals(result.steps().size(), json.get("steps").size());
      for (SweepStep step : result.steps()) {
        assertTrue(Files.isRegularFile(tmp.resolve(step.dir()).resolve(RunFiles.SUMMARY)), step.dir());
      }
      List<String> csv = Files.readAllLines(tmp.resolve("sweep.csv"));
      assertEquals(result.steps().size() + 1, csv.size());
    }
  }

  @Test
  void isBoundedInTime() throws Exception {
    try (var server = SweepFixtures.server(0)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(300), Duration.ofMillis(100));
      SweepPlan plan = new SweepPlan(10, 1, 10, 10_000, 50, 3, Duration.ofSeconds(2));
      long start = System.nanoTime();
      SweepResult result = new Sweep(base, SweepFixtures.workload(), plan, new Slo(1000, 0.01), null, tmp,
          SweepFixtures.home(), System.out::println).run();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(result.stoppedBecause().contains("time budget"), result.stoppedBecause());
      // A step starts only when one as long as the last (at least as planned) still fits in the budget,
      // so the budget is overrun by at most one step's start-up and drain (slow in a cold JVM).
      assertTrue(seconds < 5, "sweep took " + seconds + " s");
      assertFalse(result.steps().isEmpty());
      assertEquals(10.0, result.steps().get(0).rate());
      assertFalse(result.partial());
    }
  }

  @Test
  void anInterruptedSweepIsPartialAndJudgesNoRateByTheStoppedStep() throws Exception {
    try (var server = SweepFixtures.server(0)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofSeconds(20), Duration.ZERO);
      Sweep sweep = new Sweep(base, SweepFixtures.workload(), new SweepPlan(10, 2, 0, 1000, 10, 2,
          Duration.ofMinutes(5)), new Slo(1000, 0.01), null, tmp, SweepFixtures.home(), line -> { });
      var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      timer.schedule(() -> sweep.stop("interrupted by the test"), 1500, java.util.concurrent.TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      SweepResult result = sweep.run();
      timer.shutdown();
      assertTrue((System.nanoTime() - start) / 1e9 < 8, "the stop should end the sweep promptly");
      assertTrue(result.partial());
      assertEquals("stopped: interrupted by the test", result.stoppedBecause());
      assertEquals(null, result.firstFailingRate(), "the stopped step is not a failure of its rate");
      assertTrue(Files.isRegularFile(tmp.resolve("sweep.json")));
    }
  }

  @Test
  void stepsRiseGeometricallyOrByAFixedStep() {
    assertEquals(40.0, new SweepPlan(10, 2, 0, 100, 5, 1, Duration.ofSeconds(1)).next(20));
    assertEquals(30.0, new SweepPlan(10, 1, 10, 100, 5, 1, Duration.ofSeconds(1)).next(20));
  }

  @Test
  void plansStateTheirRules() {
    assertThrows(IllegalArgumentException.class, () -> new SweepPlan(10, 1, 0, 100, 5, 1, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new SweepPlan(10, 2, 0, 5, 5, 1, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new Slo(0, 0.01));
    try (var server = SweepFixtures.server(0)) {
      LoadConfig closed = new LoadConfig("x", server.baseUrl(), "m", null, LoadMode.CLOSED, null, null, 1, 1,
          Duration.ofSeconds(1), null, Duration.ZERO, Duration.ofSeconds(1), SweepFixtures.spec(), 1, 10,
          Duration.ofMillis(10), true, 1);
      assertThrows(IllegalArgumentException.class, () -> new Sweep(closed, SweepFixtures.workload(),
          new SweepPlan(10, 2, 0, 100, 5, 1, Duration.ofSeconds(1)), new Slo(10, 0), null, tmp, tmp, l -> { }));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
