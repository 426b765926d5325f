package dev.embedbench.loadgen.driver;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The drivers of one run, one per event loop, seen as one driver. The send window ends when every
 * loop's has: for an open loop at the earliest loop's end (each loop stops at its first index past
 * the bound, the earliest of which is the bound itself), for a closed loop at the latest (the last
 * worker's stop).
 */
public final class LoopGroup implements Driver {

  private final List<Driver> loops;
  private final boolean endAtEarliest;

  /**
   * @param endAtEarliest true for open-loop drivers, false for closed-loop ones
   */
  public LoopGroup(List<Driver> loops, boolean endAtEarliest) {
    if (loops.isEmpty()) {
      throw new IllegalArgumentException("a loop group needs at least one driver");
    }
    this.loops = List.copyOf(loops);
    this.endAtEarliest = endAtEarliest;
  }

  @Override
  public CompletableFuture<Long> start() {
    CompletableFuture<Long> end = loops.get(0).start();
    for (Driver loop : loops.subList(1, loops.size())) {
      end = end.thenCombine(loop.start(), endAtEarliest ? Math::min : Math::max);
    }
    return end;
  }

  @Override
  public void stop() {
    loops.forEach(Driver::stop);
  }

  /** The loops share one outstanding count, so any of them gives the run's. */
  @Override
  public long outstanding() {
    return loops.get(0).outstanding();
  }
}
