package dev.embedbench.backends.remote;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import java.util.Objects;

/**
 * What a remote server serves, as the configuration states it (a remote server cannot be asked).
 *
 * @param name the model's identity, compared across the targets of a route
 * @param dimensions full vector length
 * @param maxInputTokens longest single input it accepts
 * @param matryoshka sizes it can be truncated to, or null
 * @param tokenizer tokenizer whose ids it accepts as input, or null for text only
 * @param normalized whether it returns unit vectors
 */
public record DeclaredModel(
    String name,
    int dimensions,
    int maxInputTokens,
    MatryoshkaRange matryoshka,
    String tokenizer,
    boolean normalized) {

  public DeclaredModel {
    Objects.requireNonNull(name, "name");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, was " + dimensions);
    }
    if (maxInputTokens < 1) {
      throw new IllegalArgumentException("maxInputTokens must be >= 1, was " + maxInputTokens);
    }
    if (matryoshka != null && matryoshka.maxDimensions() > dimensions) {
      throw new IllegalArgumentException(
          "matryoshka.max must be <= dimensions ("
              + dimensions
              + "), was "
              + matryoshka.maxDimensions());
    }
  }

  public ModelInfo toModelInfo(BackendKind kind, String source) {
    return new ModelInfo(name, dimensions, maxInputTokens, matryoshka, tokenizer, kind, source);
  }
}
