package dev.embedbench.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.emulated.EmulatedServer;
import dev.embedbench.backends.emulated.EmulatorProfile;
import dev.embedbench.backends.emulated.LatencyDistribution;
import dev.embedbench.backends.emulated.SchedulingMode;
import dev.embedbench.costmodel.capacity.CapacityBound;
import dev.embedbench.costmodel.capacity.MeasuredCapacity;
import dev.embedbench.costmodel.capacity.ResultFileReader;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.OpenLoop;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.sweep.Sweep;
import dev.embedbench.loadgen.sweep.SweepPlan;
import dev.embedbench.loadgen.workload.TokenRange;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import dev.embedbench.results.Bracket;
import dev.embedbench.results.Capacity;
import dev.embedbench.results.Slo;
import dev.embedbench.results.SweepResult;
import dev.embedbench.testsupport.env.RepositoryHome;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Emulated models of known capacity (a fixed service time, a fixed number of parallel slots, so
 * capacity = slots / service time) swept through the real probe, bisection, load generator and
 * result reader.
 */
class KnownCapacitySweepTest {

  static final Path HOME = RepositoryHome.path();
  static Vertx vertx;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0} slots at {1} ms: {2}/s")
  @CsvSource({"1, 25, 40", "4, 20, 200"})
  void theMeasuredCapacityIsTheAnalyticOneWithinTheSweepsResolution(
      int slots, int serviceMillis, double analyticPerSecond) throws Exception {
    EmulatorProfile profile =
        new EmulatorProfile(
            "known-capacity",
            "Known-Model",
            "no hardware: a test rig",
            "unit test: " + slots + " slots x " + serviceMillis + " ms",
            64,
            512,
            new MatryoshkaRange(8, 64),
            null,
            new EmulatorProfile.Scheduling(
                SchedulingMode.SLOTS, slots, 0, 1000, Duration.ofSeconds(1)),
            new EmulatorProfile.ServiceTime(
                Duration.ofMillis(serviceMillis), Duration.ZERO, LatencyDistribution.FIXED, 0, 1),
            EmulatorProfile.Failures.NONE);
    EmulatedServer server =
        EmulatedServer.start(vertx, profile, "127.0.0.1", 0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    try {
      WorkloadSpec spec =
          new WorkloadSpec("english-short", 1, TokenRange.parse("32"), null, null, null);
      LoadConfig base =
          new LoadConfig(
              "known",
              TargetClient.normalise(server.baseUrl() + "/v1"),
              profile.model(),
              null,
              new OpenLoop(
                  1.0,
                  ArrivalProcess.CONSTANT,
                  1,
                  OpenLoop.DEFAULT_MAX_OUTSTANDING,
                  Duration.ofMillis(200)),
              1,
              Duration.ofMillis(1200),
              null,
              Duration.ofMillis(300),
              Duration.ofSeconds(5),
              spec,
              true,
              LoadConfig.DEFAULT_READ_VALUES_EVERY);
      Slo slo = new Slo(3.0 * serviceMillis, 0.01);
      SweepResult result =
          new Sweep(
                  base,
                  Workload.prepare(spec, profile.model(), HOME),
                  new SweepPlan(1, 100_000, 7, 3, Duration.ofSeconds(14)),
                  slo,
                  64,
                  tmp,
                  HOME,
                  System.out::println)
              .run();

      Capacity capacity = result.capacity();
      // A step at (1 + e) times the capacity, T seconds long with its warm-up, queues e * T seconds
      // of work:
      // it fails the SLO only once that exceeds the SLO's slack over the service time. That is the
      // step's
      // own resolution above the analytic capacity.
      double stepSeconds = 1.5;
      double overshoot = (slo.p99Millis() - serviceMillis) / 1000.0 / stepSeconds;
      if (capacity != null) {
        // Never above the analytic capacity by more than that and the clock's error.
        assertTrue(
            capacity.requestsPerS() <= (1 + overshoot + 0.03) * analyticPerSecond,
            capacity.requestsPerS() + " > " + analyticPerSecond);
      }
      // A busy machine (other builds on its two cores) delays the emulator's timers and the
      // generator's
      // sends, failing steps the server could have passed: it may understate, never overstate. When
      // it was
      // quiet, the capacity must be found and bracketed at the analytic one.
      boolean quiet =
          result.steps().stream()
              .allMatch(step -> step.summary().valid() && step.summary().scheduleLagMs().p99() < 5);
      if (quiet) {
        assertNotNull(capacity, result.stoppedBecause());
        assertEquals(Bracket.BRACKETED, capacity.bracket(), "a failing step above it");
        double measured = capacity.requestsPerS();
        double resolution = capacity.upperBracketRequestsPerS() - measured;
        assertTrue(
            resolution <= 0.15 * measured, "bracket " + measured + ".." + (measured + resolution));
        assertTrue(
            Math.abs(measured - analyticPerSecond)
                <= resolution + (overshoot + 0.05) * analyticPerSecond,
            "measured "
                + measured
                + " (bracket to "
                + (measured + resolution)
                + ") vs analytic "
                + analyticPerSecond);
      }
      if (capacity == null) {
        return;
      }
      // The cost model reads the same figure, bound and token length from sweep.json.
      MeasuredCapacity read = ResultFileReader.read(tmp, slo);
      assertEquals(capacity.requestsPerS(), read.requestsPerSec());
      assertEquals(
          capacity.lowerBound() ? CapacityBound.LOWER_BOUND : CapacityBound.BRACKETED,
          read.bound());
      assertEquals(capacity.upperBracketRequestsPerS(), read.upperBracketRequestsPerSec());
      assertEquals(capacity.meanTokensPerInput(), read.meanTokensPerInput());
      assertEquals("emulated", read.backendKind());
    } finally {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
