package dev.embedbench.backends.qwen3.batching;

import dev.embedbench.backends.EmbeddingInput;
import java.util.List;

/**
 * What the inference thread runs; used by that thread only, closed by it when the batcher stops.
 */
public interface InferenceRunner extends AutoCloseable {

  /**
   * Token ids for one input; throws {@link dev.embedbench.backends.wire.ApiException} for bad
   * input.
   */
  int[] tokens(EmbeddingInput input);

  /** One vector per sequence, in order. */
  float[][] embed(List<int[]> sequences);

  @Override
  void close();
}
