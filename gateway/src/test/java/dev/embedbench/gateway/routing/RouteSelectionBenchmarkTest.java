package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Proves the route-selection benchmark is registered and runs; its figures mean nothing here. */
class RouteSelectionBenchmarkTest {

  @Test
  void everyBenchmarkRunsBriefly() throws RunnerException {
    // Without forks the lock guards nothing, and other builds on this machine may hold it.
    String previous = System.setProperty("jmh.ignoreLock", "true");
    try {
      run();
    } finally {
      if (previous == null) {
        System.clearProperty("jmh.ignoreLock");
      } else {
        System.setProperty("jmh.ignoreLock", previous);
      }
    }
  }

  private static void run() throws RunnerException {
    Options options = new OptionsBuilder()
        .include(RouteSelectionBenchmark.class.getName() + "\\.")
        .param("targets", "4")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertEquals(2, results.size());
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
