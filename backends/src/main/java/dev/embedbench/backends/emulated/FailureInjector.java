package dev.embedbench.backends.emulated;

import java.util.SplittableRandom;

/**
 * Decides, reproducibly from a seed, which requests fail and which services stall, and whether the
 * server is still in its slow start. Not thread-safe: one per server context.
 */
final class FailureInjector {

  private final EmulatorProfile.Failures settings;
  private final SplittableRandom random;
  private final long readyAtNanos;

  FailureInjector(EmulatorProfile.Failures settings, long seed, long startedAtNanos) {
    this.settings = settings;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.readyAtNanos = startedAtNanos + settings.slowStart().toNanos();
  }

  boolean loading(long nowNanos) {
    return nowNanos - readyAtNanos < 0;
  }

  long remainingStartNanos(long nowNanos) {
    return Math.max(0, readyAtNanos - nowNanos);
  }

  boolean nextRequestFails() {
    return settings.errorRate() > 0 && random.nextDouble() < settings.errorRate();
  }

  long nextStallNanos() {
    return settings.stallRate() > 0 && random.nextDouble() < settings.stallRate()
        ? settings.stall().toNanos()
        : 0;
  }
}
