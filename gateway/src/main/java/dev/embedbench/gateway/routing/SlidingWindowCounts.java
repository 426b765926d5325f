package dev.embedbench.gateway.routing;

import java.time.Duration;

/**
 * Two event counts over a sliding time window, kept in a ring of buckets so that old events expire
 * without a timer. Not thread-safe: owners guard it.
 */
final class SlidingWindowCounts {

  private final long bucketNanos;
  private final long[] bucketStartNanos;
  private final long[] first;
  private final long[] second;

  SlidingWindowCounts(Duration window, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be >= 1, was " + buckets);
    }
    this.bucketNanos = Math.max(1, window.toNanos() / buckets);
    this.bucketStartNanos = new long[buckets];
    this.first = new long[buckets];
    this.second = new long[buckets];
    java.util.Arrays.fill(bucketStartNanos, Long.MIN_VALUE);
  }

  void add(long nowNanos, long firstIncrement, long secondIncrement) {
    int i = bucketFor(nowNanos);
    first[i] += firstIncrement;
    second[i] += secondIncrement;
  }

  /** Sum of the first count over the window ending now. */
  long firstSum(long nowNanos) {
    return sum(first, nowNanos);
  }

  long secondSum(long nowNanos) {
    return sum(second, nowNanos);
  }

  void clear() {
    java.util.Arrays.fill(bucketStartNanos, Long.MIN_VALUE);
    java.util.Arrays.fill(first, 0);
    java.util.Arrays.fill(second, 0);
  }

  private int bucketFor(long nowNanos) {
    long start = Math.floorDiv(nowNanos, bucketNanos) * bucketNanos;
    int i = (int) Math.floorMod(Math.floorDiv(nowNanos, bucketNanos), (long) first.length);
    if (bucketStartNanos[i] != start) {
      bucketStartNanos[i] = start;
      first[i] = 0;
      second[i] = 0;
    }
    return i;
  }

  private long sum(long[] counts, long nowNanos) {
    long oldestStart =
        Math.floorDiv(nowNanos, bucketNanos) * bucketNanos
            - (long) (counts.length - 1) * bucketNanos;
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (bucketStartNanos[i] != Long.MIN_VALUE && bucketStartNanos[i] >= oldestStart) {
        total += counts[i];
      }
    }
    return total;
  }
}
