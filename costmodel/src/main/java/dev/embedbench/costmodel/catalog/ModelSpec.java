package dev.embedbench.costmodel.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One embedding model of the catalog.
 *
 * @param id catalog key, such as {@code qwen3-embedding-0.6b}
 * @param name the published name, such as {@code Qwen3-Embedding-0.6B}
 * @param aliases other names it is served under (Hugging Face repo ids), matched case-insensitively
 * @param shape the layer shapes from its {@code config.json}
 * @param shapeSource where the shapes were read
 * @param statedParameters the parameter count its model card states
 * @param dimensions full output dimension
 * @param minDimensions smallest Matryoshka truncation, equal to {@code dimensions} when there is
 *     none
 * @param maxTokens longest input the model card supports
 * @param weightBytesPerParameter bytes per weight as served (2 for BF16/FP16)
 * @param cardSource the model card giving the stated parameters, dimensions and max tokens
 * @param quality published quality scores
 */
public record ModelSpec(
    String id,
    String name,
    List<String> aliases,
    TransformerShape shape,
    SourceNote shapeSource,
    double statedParameters,
    int dimensions,
    int minDimensions,
    int maxTokens,
    double weightBytesPerParameter,
    SourceNote cardSource,
    List<QualityScore> quality) {

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(shapeSource, "shapeSource");
    Objects.requireNonNull(cardSource, "cardSource");
    aliases = List.copyOf(aliases);
    quality = List.copyOf(quality);
    if (!(statedParameters > 0)) {
      throw new IllegalArgumentException("statedParameters must be > 0, was " + statedParameters);
    }
    if (dimensions < 1 || minDimensions < 1 || minDimensions > dimensions) {
      throw new IllegalArgumentException(
          "dimensions must satisfy 1 <= minDimensions <= dimensions, was "
              + minDimensions
              + " and "
              + dimensions);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
    }
    if (!(weightBytesPerParameter > 0)) {
      throw new IllegalArgumentException(
          "weightBytesPerParameter must be > 0, was " + weightBytesPerParameter);
    }
  }

  /**
   * Weights as served, in GB (10^9 bytes): parameters computed from the shape × bytes per weight.
   */
  public double weightsGb() {
    return shape.parameters() * weightBytesPerParameter / 1e9;
  }

  public Optional<QualityScore> quality(String benchmark) {
    return quality.stream().filter(q -> q.benchmark().equalsIgnoreCase(benchmark)).findFirst();
  }

  public boolean answersTo(String modelName) {
    return id.equalsIgnoreCase(modelName)
        || name.equalsIgnoreCase(modelName)
        || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(modelName));
  }
}
