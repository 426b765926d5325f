package dev.embedbench.backends.wire;

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

/** Proves the codec benchmark compiles, is registered and runs; its figures mean nothing here. */
class CodecBenchmarkTest {

  @Test
  void everyCodecBenchmarkRunsOnce() throws RunnerException {
    // JMH allows one run per machine through /tmp/jmh.lock; a smoke test whose figures mean nothing
    // must not fail because someone else is benchmarking.
    System.setProperty("jmh.ignoreLock", "true");
    Options options =
        new OptionsBuilder()
            .include(CodecBenchmark.class.getName() + "\\.")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    assertEquals(7, results.size());
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
