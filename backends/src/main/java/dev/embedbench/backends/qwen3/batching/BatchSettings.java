package dev.embedbench.backends.qwen3.batching;

/**
 * How requests are grouped into forward passes.
 *
 * @param maxBatchSize most inputs in one forward pass
 * @param maxBatchTokens most padded tokens (inputs x longest input) in one forward pass; a single
 *     input longer than this still runs, alone
 * @param maxBatchDelayMicros longest a request waits for others to join its batch
 * @param maxQueuedInputs inputs allowed to wait; beyond it requests are refused with 429
 */
public record BatchSettings(
    int maxBatchSize, int maxBatchTokens, long maxBatchDelayMicros, int maxQueuedInputs) {

  public static final BatchSettings DEFAULTS = new BatchSettings(32, 8192, 2_000, 1024);

  public BatchSettings {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
    }
    if (maxBatchTokens < 1) {
      throw new IllegalArgumentException("maxBatchTokens must be >= 1, was " + maxBatchTokens);
    }
    if (maxBatchDelayMicros < 0) {
      throw new IllegalArgumentException(
          "maxBatchDelayMicros must be >= 0, was " + maxBatchDelayMicros);
    }
    if (maxQueuedInputs < 1) {
      throw new IllegalArgumentException("maxQueuedInputs must be >= 1, was " + maxQueuedInputs);
    }
  }
}
