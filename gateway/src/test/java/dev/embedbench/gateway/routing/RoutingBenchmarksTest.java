package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.jmh.JmhSmoke;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Proves the routing benchmarks are registered and run; their figures mean nothing here. */
class RoutingBenchmarksTest {

  @Test
  void everyBenchmarkRunsBriefly() throws RunnerException {
    Collection<RunResult> results =
        JmhSmoke.run(
            new OptionsBuilder()
                .include(RouteSelectionBenchmark.class.getName() + "\\.")
                .include(EmbedPathBenchmark.class.getName() + "\\.")
                .param("targets", "4")
                .param("inputs", "32")
                .param("dimensions", "256"));
    assertEquals(3, results.size());
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
