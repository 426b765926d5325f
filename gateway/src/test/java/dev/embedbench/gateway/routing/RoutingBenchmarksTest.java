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

/** Proves the routing benchmarks are registered and run; their figures mean nothing here. */
class RoutingBenchmarksTest {

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
    Options options =
        new OptionsBuilder()
            .include(RouteSelectionBenchmark.class.getName() + "\\.")
            .include(EmbedPathBenchmark.class.getName() + "\\.")
            .param("targets", "4")
            .param("inputs", "32")
            .param("dimensions", "256")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    assertEquals(3, results.size());
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
