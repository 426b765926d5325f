package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.jmh.JmhSmoke;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Proves the codec benchmark compiles, is registered and runs; its figures mean nothing here. */
class CodecBenchmarkTest {

  @Test
  void everyCodecBenchmarkRunsOnce() throws RunnerException {
    Collection<RunResult> results =
        JmhSmoke.run(new OptionsBuilder().include(CodecBenchmark.class.getName() + "\\."));
    assertEquals(7, results.size());
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
