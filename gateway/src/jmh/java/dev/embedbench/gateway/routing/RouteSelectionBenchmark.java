package dev.embedbench.gateway.routing;

import dev.embedbench.gateway.config.CircuitBreakerConfig;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of choosing a target for one request: the weighted draw alone, and the draw with the checks
 * a real route makes per candidate (in-flight count against its limit, circuit breaker) plus taking
 * and giving back the slot. Run with {@code bench/jmh --module gateway RouteSelectionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteSelectionBenchmark {

  @Param({"2", "4", "8"})
  int targets;

  private TargetSelector selector;
  private SplittableRandom random;
  private AtomicInteger[] inflight;
  private CircuitBreaker[] breakers;
  private static final int MAX_CONCURRENCY = 256;

  @Setup
  public void setUp() {
    int[] weights = new int[targets];
    inflight = new AtomicInteger[targets];
    breakers = new CircuitBreaker[targets];
    for (int i = 0; i < targets; i++) {
      weights[i] = i == targets - 1 ? 0 : i + 1;
      inflight[i] = new AtomicInteger();
      breakers[i] = new CircuitBreaker(CircuitBreakerConfig.defaults(), System::nanoTime);
    }
    selector = new TargetSelector(weights);
    random = new SplittableRandom(1);
  }

  @Benchmark
  public int weightedDraw() {
    return selector.pickFirst(t -> true, random);
  }

  @Benchmark
  public int drawWithHealthChecksAndSlot() {
    int i =
        selector.pickFirst(
            t -> inflight[t].get() < MAX_CONCURRENCY && breakers[t].wouldPermit(), random);
    inflight[i].incrementAndGet();
    breakers[i].tryAcquire();
    breakers[i].onSuccess();
    inflight[i].decrementAndGet();
    return i;
  }
}
