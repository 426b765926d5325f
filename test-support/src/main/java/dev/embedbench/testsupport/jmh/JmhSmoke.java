package dev.embedbench.testsupport.jmh;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs benchmarks once, briefly and in this JVM, to show that they run: the figures mean nothing
 * (bench/jmh measures for real). Without forks JMH's one-run-per-machine lock guards nothing, and
 * other builds on the machine may hold it, so it is ignored for the run and restored after.
 */
public final class JmhSmoke {

  private static final String IGNORE_LOCK = "jmh.ignoreLock";

  private JmhSmoke() {}

  /**
   * Runs what {@code options} includes, with its params, no fork, no warmup and one iteration of
   * 100 ms; any benchmark error fails the run.
   */
  public static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    String previous = System.setProperty(IGNORE_LOCK, "true");
    try {
      return new Runner(
              options
                  .forks(0)
                  .warmupIterations(0)
                  .measurementIterations(1)
                  .measurementTime(TimeValue.milliseconds(100))
                  .shouldFailOnError(true)
                  .build())
          .run();
    } finally {
      if (previous == null) {
        System.clearProperty(IGNORE_LOCK);
      } else {
        System.setProperty(IGNORE_LOCK, previous);
      }
    }
  }
}
