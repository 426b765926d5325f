package dev.embedbench.backends;

import java.util.Locale;
import java.util.Objects;

/**
 * What makes two vectors comparable: the model that produced them, their length and whether they
 * are unit vectors. Targets of one route must share a space; a vector from another space is
 * silently wrong for the caller. The route's instruction is the fourth part and is compared by the
 * route.
 *
 * <p>Model names compare without case and without an organisation prefix, so {@code
 * Qwen/Qwen3-Embedding-0.6B} and {@code qwen3-embedding-0.6b} are one model. An emulated target's
 * vectors are hashes of the text, not the model's vectors, so it has a space of its own: {@code
 * emulated:<model>}.
 *
 * @param model the canonical model name
 */
public record EmbeddingSpace(String model, int dimensions, boolean normalized) {

  public EmbeddingSpace {
    Objects.requireNonNull(model, "model");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, was " + dimensions);
    }
  }

  /** The space a backend's vectors live in. */
  public static EmbeddingSpace of(ModelInfo info, boolean normalized) {
    String model = canonical(info.model());
    if (info.kind() == BackendKind.EMULATED) {
      model = "emulated:" + model;
    }
    return new EmbeddingSpace(model, info.dimensions(), normalized);
  }

  /** Lower case, without what precedes the last {@code /}. */
  public static String canonical(String model) {
    return model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return model
        + " ("
        + dimensions
        + " dimensions, "
        + (normalized ? "normalised" : "not normalised")
        + ")";
  }
}
