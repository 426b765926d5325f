package dev.embedbench.backends.qwen3.batching;

/**
 * Hooks for metrics, called on the inference thread: keep them cheap and non-blocking (a histogram
 * record, a counter increment).
 */
public interface BatchListener {

  BatchListener NONE = new BatchListener() {};

  /** A request left the queue after waiting {@code queueWaitNanos}. */
  default void dequeued(int inputs, long queueWaitNanos) {}

  /** One forward pass ran: {@code inputs} sequences padded to {@code paddedTokens} in total. */
  default void batchRan(int inputs, int realTokens, int paddedTokens, long inferenceNanos) {}
}
