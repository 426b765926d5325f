package dev.embedbench.gateway.config;

import dev.embedbench.backends.ModelInfo;
import java.util.Optional;

/**
 * The type-specific part of a target: how its backend is built. One record per {@code type}; adding
 * a type means a record here, a case in {@link GatewayConfigLoader} and a factory in {@code
 * gateway.routing.targets}.
 */
public sealed interface TargetSpec permits RemoteSpec, EmulatedSpec, InProcessSpec {

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
