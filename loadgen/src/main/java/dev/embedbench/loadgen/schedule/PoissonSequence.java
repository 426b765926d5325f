package dev.embedbench.loadgen.schedule;

import java.util.SplittableRandom;

/**
 * Poisson arrivals: exponential gaps with mean {@code 1/rate} from a seeded generator, so a run's
 * schedule is reproducible. The first request fires at zero. Times are generated forward from the
 * last index asked for; asking for an earlier index replays the stream, so the result depends on
 * the index and the seed only. Not thread-safe: one driver thread owns it.
 */
public final class PoissonSequence implements FireTimeSequence {

  private final double ratePerSecond;
  private final double meanGapNanos;
  private final long seed;
  private SplittableRandom random;
  private long lastIndex;
  private double lastFireTimeNanos;

  public PoissonSequence(double ratePerSecond, long seed) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "ratePerSecond must be a positive finite number, got " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.meanGapNanos = 1e9 / ratePerSecond;
    this.seed = seed;
    restart();
  }

  private void restart() {
    random = new SplittableRandom(seed);
    lastIndex = 0;
    lastFireTimeNanos = 0;
  }

  @Override
  public long fireTimeNanos(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    if (index < lastIndex) {
      restart();
    }
    while (lastIndex < index) {
      // 1 - nextDouble() lies in (0, 1], so the logarithm is finite.
      lastFireTimeNanos += -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
      lastIndex++;
    }
    return (long) lastFireTimeNanos;
  }

  @Override
  public double ratePerSecond() {
    return ratePerSecond;
  }
}
