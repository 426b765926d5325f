package dev.embedbench.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A model name clients ask for, its aliases, and the targets that serve it.
 *
 * @param name the model id clients use and the one reported back
 * @param aliases other names that reach this route
 * @param ownedBy shown in {@code /v1/models}
 * @param allowMixedModels lets targets of different embedding spaces share the route
 * @param defaultDimensions Matryoshka size used when a request gives none, or null for full size
 * @param instruction query instruction applied to text inputs, or null
 * @param retry failover limits
 * @param shadow traffic mirroring, or null
 * @param targets in failover order
 */
public record RouteConfig(
    String name,
    List<String> aliases,
    String ownedBy,
    boolean allowMixedModels,
    Integer defaultDimensions,
    InstructionConfig instruction,
    RetryConfig retry,
    ShadowConfig shadow,
    List<TargetConfig> targets) {

  public RouteConfig {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(ownedBy, "ownedBy");
    Objects.requireNonNull(retry, "retry");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one target");
    }
    if (targets.stream().allMatch(t -> t.weight() == 0)) {
      throw new IllegalArgumentException("at least one target must have a weight above 0");
    }
  }
}
