package dev.embedbench.gateway.routing.targets;

import dev.embedbench.gateway.config.TargetConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Builds and starts the backend of a target of one {@code type}. */
@FunctionalInterface
public interface BackendFactory {

  /**
   * Builds the backend and starts it. Called on an event loop: blocking work (reading a profile,
   * loading weights) goes through {@code executeBlocking}.
   *
   * @return the started backend, or a failure whose message says why, for the operator
   */
  Future<OwnedBackend> create(Vertx vertx, TargetConfig target);
}
