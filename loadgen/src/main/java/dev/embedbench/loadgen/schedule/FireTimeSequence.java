package dev.embedbench.loadgen.schedule;

/**
 * The intended send times of an open-loop run, fixed in advance: a pure function of the request's
 * index, never of how the server answers. The driver sends request {@code i} as soon as the clock
 * passes {@code fireTimeNanos(i)} and measures its latency from that time.
 */
public interface FireTimeSequence {

  /**
   * Offset of request {@code index}'s intended send time from the run's start; non-decreasing in
   * index.
   */
  long fireTimeNanos(long index);

  /** The mean rate this sequence fires at. */
  double ratePerSecond();
}
