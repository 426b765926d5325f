package dev.embedbench.loadgen.record;

/**
 * The run's time origin. Offsets are nanoseconds from {@code startNanos} (a {@link
 * System#nanoTime()} reading taken at {@code startEpochMillis}); requests intended before {@code
 * warmupNanos} are warm-up.
 */
public record RunClock(long startNanos, long startEpochMillis, long warmupNanos) {

  public RunClock {
    if (warmupNanos < 0) {
      throw new IllegalArgumentException("warmupNanos must be >= 0, got " + warmupNanos);
    }
  }

  public static RunClock startingNow(long warmupNanos) {
    return new RunClock(System.nanoTime(), System.currentTimeMillis(), warmupNanos);
  }

  public Phase phaseAt(long offsetNanos) {
    return offsetNanos < warmupNanos ? Phase.WARMUP : Phase.MEASURE;
  }

  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }
}
