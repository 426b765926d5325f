package dev.embedbench.backends;

import java.util.Objects;
import java.util.Optional;

/**
 * What a backend serves.
 *
 * @param model the model's name as the backend knows it (for example {@code Qwen3-Embedding-0.6B})
 * @param dimensions length of the vectors it returns
 * @param maxInputTokens the longest single input it accepts, in tokens
 * @param matryoshka the output sizes it can be truncated to, or null when truncation is not
 *     supported
 * @param tokenizer identity of the tokenizer whose ids it accepts as input (for example {@code
 *     qwen3}), or null when it accepts text only
 * @param kind where its figures come from
 * @param source a short human label of what exactly runs: weights (real or synthetic) and device
 *     for in-process, the URL for remote, the profile for emulated
 */
public record ModelInfo(
    String model,
    int dimensions,
    int maxInputTokens,
    MatryoshkaRange matryoshka,
    String tokenizer,
    BackendKind kind,
    String source) {

  public ModelInfo {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, was " + dimensions);
    }
    if (maxInputTokens < 1) {
      throw new IllegalArgumentException("maxInputTokens must be >= 1, was " + maxInputTokens);
    }
    if (matryoshka != null && matryoshka.maxDimensions() > dimensions) {
      throw new IllegalArgumentException(
          "matryoshka.maxDimensions must be <= dimensions ("
              + dimensions
              + "), was "
              + matryoshka.maxDimensions());
    }
  }

  public Optional<MatryoshkaRange> matryoshkaRange() {
    return Optional.ofNullable(matryoshka);
  }

  public boolean acceptsTokenIds(String tokenizerId) {
    return tokenizer != null && tokenizer.equals(tokenizerId);
  }
}
