package dev.embedbench.backends;

import java.util.List;

/**
 * A backend's answer: one full-length vector per input, in input order, and the tokens it consumed.
 */
public record EmbeddingResult(List<float[]> vectors, int promptTokens) {
  public EmbeddingResult {
    vectors = List.copyOf(vectors);
    if (promptTokens < 0) {
      throw new IllegalArgumentException("promptTokens must be >= 0, was " + promptTokens);
    }
  }
}
