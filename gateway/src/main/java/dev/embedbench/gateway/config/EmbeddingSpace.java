package dev.embedbench.gateway.config;

import java.util.Objects;

/**
 * What makes two vectors comparable: the model that produced them, their length and whether they are
 * unit vectors. Targets of one route must share a space; a vector from another space is silently
 * wrong for the caller. The route's instruction is the fourth part and is compared by the route.
 */
public record EmbeddingSpace(String model, int dimensions, boolean normalized) {
  public EmbeddingSpace {
    Objects.requireNonNull(model, "model");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, was " + dimensions);
    }
  }

  @Override
  public String toString() {
    return model + " (" + dimensions + " dimensions, " + (normalized ? "normalised" : "not normalised")
        + ")";
  }
}
