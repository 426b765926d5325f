package dev.embedbench.gateway.routing;

import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * Chooses a route's target: a weighted draw among the eligible targets with a weight above zero for
 * the first attempt, then declaration order for failover, where weight-0 fallbacks come last. No
 * allocation per call; a route has a handful of targets, so linear scans beat any index.
 */
public final class TargetSelector {

  private final int[] weights;

  public TargetSelector(int[] weights) {
    this.weights = weights.clone();
    for (int w : this.weights) {
      if (w < 0) {
        throw new IllegalArgumentException("weights must be >= 0, was " + w);
      }
    }
  }

  /**
   * A target drawn with probability proportional to its weight among those {@code eligible} with a
   * weight above zero; when none is, the first eligible fallback; -1 when nothing is eligible.
   */
  public int pickFirst(IntPredicate eligible, RandomGenerator random) {
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0 && eligible.test(i)) {
        total += weights[i];
      }
    }
    if (total == 0) {
      return nextInOrder(eligible);
    }
    long draw = random.nextLong(total);
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0 && eligible.test(i)) {
        draw -= weights[i];
        if (draw < 0) {
          return i;
        }
      }
    }
    // Eligibility changed between the two scans (another event loop took the last slot).
    return nextInOrder(eligible);
  }

  /** The first eligible target in declaration order, weighted ones before fallbacks; -1 if none. */
  public int nextInOrder(IntPredicate eligible) {
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0 && eligible.test(i)) {
        return i;
      }
    }
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] == 0 && eligible.test(i)) {
        return i;
      }
    }
    return -1;
  }
}
