package dev.embedbench.loadgen.driver;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Which successful responses have their vector values read and checked: request indices that are a
 * multiple of {@code every}, at most {@value #MAX_PER_SECOND} a second. The cap matters only at
 * rates far above any GPU server's: in a JFR profile of a closed-loop run against nginx, the full
 * parses of one response in 64 took a third as many samples as the scan every response gets, about
 * 20 scans' work each. Below {@code every × MAX_PER_SECOND} requests/s it never applies. One per
 * sender, used on its event loop only.
 */
final class ValueSample {

  static final int MAX_PER_SECOND = 100;
  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long every;
  private final LongSupplier nanoClock;
  private long windowStartNanos;
  private int takenInWindow;

  ValueSample(long every) {
    this(every, System::nanoTime);
  }

  ValueSample(long every, LongSupplier nanoClock) {
    if (every < 1) {
      throw new IllegalArgumentException("readValuesEvery must be >= 1, got " + every);
    }
    this.every = every;
    this.nanoClock = nanoClock;
    this.windowStartNanos = nanoClock.getAsLong();
  }

  boolean take(long index) {
    if (index % every != 0) {
      return false;
    }
    long nowNanos = nanoClock.getAsLong();
    if (nowNanos - windowStartNanos >= WINDOW_NANOS) {
      windowStartNanos = nowNanos;
      takenInWindow = 0;
    }
    return takenInWindow++ < MAX_PER_SECOND;
  }
}
