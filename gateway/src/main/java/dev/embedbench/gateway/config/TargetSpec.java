package dev.embedbench.gateway.config;

import java.util.Optional;

/**
 * The type-specific part of a target: how its backend is built. One record per {@code type}; adding a
 * type means a record here, a case in {@link GatewayConfigLoader} and a factory in {@code
 * gateway.routing.targets}.
 */
public sealed interface TargetSpec permits RemoteSpec, EmulatedSpec {

  /** The {@code type} value in YAML. */
  String type();

  /** The embedding space, when the configuration alone tells it. */
  Optional<EmbeddingSpace> declaredSpace();
}
