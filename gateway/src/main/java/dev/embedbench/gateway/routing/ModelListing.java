package dev.embedbench.gateway.routing;

import dev.embedbench.backends.BackendKind;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code GET /v1/models}.
 *
 * @param id the route's name
 * @param aliases other names that reach it
 * @param created Unix seconds when the gateway started serving it
 * @param ownedBy from the route's {@code owned_by}
 * @param dimensions full vector length
 * @param maxInputTokens longest single input
 * @param kind where its vectors come from (of its first target)
 */
public record ModelListing(
    String id,
    List<String> aliases,
    long created,
    String ownedBy,
    int dimensions,
    int maxInputTokens,
    BackendKind kind) {

  public ModelListing {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(ownedBy, "ownedBy");
    Objects.requireNonNull(kind, "kind");
  }
}
