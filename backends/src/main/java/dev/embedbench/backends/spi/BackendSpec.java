package dev.embedbench.backends.spi;

import dev.embedbench.backends.EmbeddingSpace;
import dev.embedbench.backends.ModelInfo;
import java.util.Optional;

/**
 * The type-specific part of a target, as its {@link BackendProvider} read it: how its backend is
 * built. One record per {@code type}.
 */
public interface BackendSpec {

  /** The {@code type} value in YAML. */
  String type();

  /** What the target serves, when known at load (declared in the file, or read from a profile). */
  Optional<ModelInfo> declaredInfo();

  /** Whether its vectors are unit vectors. */
  boolean normalized();

  /** The embedding space, when known at load. */
  default Optional<EmbeddingSpace> declaredSpace() {
    return declaredInfo().map(info -> EmbeddingSpace.of(info, normalized()));
  }
}
