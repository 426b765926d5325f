package dev.embedbench.loadgen.record;

/** Which part of a run a request belongs to, decided by its intended send time. */
public enum Phase {
  /**
   * Before {@code --warmup} has passed: counted apart, never in the results' latencies or rates.
   */
  WARMUP,
  /** The measured window. */
  MEASURE
}
