package dev.embedbench.loadgen.schedule;

/** Fires every {@code 1/rate} seconds; computed from the index, so rounding never accumulates. */
public record ConstantRateSequence(double ratePerSecond) implements FireTimeSequence {

  public ConstantRateSequence {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "ratePerSecond must be a positive finite number, got " + ratePerSecond);
    }
  }

  @Override
  public long fireTimeNanos(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    return (long) (index * (1e9 / ratePerSecond));
  }
}
