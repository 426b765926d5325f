package dev.embedbench.backends;

import java.util.List;

/**
 * The inputs a backend embeds in one call, in order. The gateway has already applied instruction
 * templates and split the batch to the backend's limits; Matryoshka truncation happens after.
 */
public record EmbeddingBatch(List<EmbeddingInput> inputs) {
  public EmbeddingBatch {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("inputs must not be empty");
    }
  }

  public int size() {
    return inputs.size();
  }
}
