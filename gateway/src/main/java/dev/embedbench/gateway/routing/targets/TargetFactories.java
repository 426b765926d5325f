package dev.embedbench.gateway.routing.targets;

import dev.embedbench.gateway.config.EmulatedSpec;
import dev.embedbench.gateway.config.InProcessSpec;
import dev.embedbench.gateway.config.RemoteSpec;
import dev.embedbench.gateway.config.TargetConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/** The factory for each target {@code type}. */
public final class TargetFactories implements BackendFactory {

  private final Map<String, BackendFactory> byType;

  public TargetFactories(Map<String, BackendFactory> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** Every type this build can run. */
  public static TargetFactories standard() {
    return new TargetFactories(
        Map.of(
            RemoteSpec.TYPE, new RemoteBackendFactory(),
            EmulatedSpec.TYPE, new EmulatedBackendFactory(),
            InProcessSpec.TYPE, new InProcessBackendFactory()));
  }

  @Override
  public Future<OwnedBackend> create(Vertx vertx, TargetConfig target) {
    BackendFactory factory = byType.get(target.type());
    if (factory == null) {
      return Future.failedFuture(
          new IllegalStateException(
              "no backend factory for target type '" + target.type() + "' in this build"));
    }
    return factory.create(vertx, target);
  }
}
