package dev.embedbench.loadgen.driver;

/**
 * Which part of a run one event loop drives: loop {@code loop} of {@code loops} takes the requests
 * whose index is congruent to {@code loop} modulo {@code loops}, a pure function of the index, so
 * every request of the schedule belongs to exactly one loop whatever the timing.
 */
public record LoopShare(int loop, int loops) {

  public static final LoopShare ALL = new LoopShare(0, 1);

  public LoopShare {
    if (loops < 1 || loop < 0 || loop >= loops) {
      throw new IllegalArgumentException(
          "loop must be in [0, loops) with loops >= 1, got loop " + loop + " of " + loops);
    }
  }

  /**
   * This loop's part of {@code total} (connections, workers): the total split as evenly as it goes.
   */
  public int of(int total) {
    return total / loops + (loop < total % loops ? 1 : 0);
  }
}
