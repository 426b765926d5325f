package dev.embedbench.gateway.routing.targets;

import dev.embedbench.backends.spi.BackendProvider;
import dev.embedbench.backends.spi.BackendProviders;
import dev.embedbench.backends.spi.BackendTarget;
import dev.embedbench.gateway.config.TargetConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * Builds each target's backend with the backends module's provider for its {@code type}, handing it
 * the target's name, timeout and concurrency; the gateway knows no type by name.
 */
public final class ProvidedBackends implements BackendFactory {

  @Override
  public Future<OwnedBackend> create(Vertx vertx, TargetConfig target) {
    Optional<BackendProvider> provider = BackendProviders.find(target.type());
    if (provider.isEmpty()) {
      return Future.failedFuture(
          new IllegalStateException(
              "no backend provider for target type '" + target.type() + "' in this build"));
    }
    return provider
        .get()
        .start(
            vertx,
            target.spec(),
            new BackendTarget(target.name(), target.timeout(), target.maxConcurrency()))
        .map(started -> new OwnedBackend(started.backend(), started.release()));
  }
}
