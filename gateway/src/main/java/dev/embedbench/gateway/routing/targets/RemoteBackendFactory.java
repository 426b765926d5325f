package dev.embedbench.gateway.routing.targets;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.remote.RemoteBackend;
import dev.embedbench.backends.remote.RemoteTarget;
import dev.embedbench.backends.wire.VectorCheck;
import dev.embedbench.gateway.config.RemoteSpec;
import dev.embedbench.gateway.config.TargetConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: remote}: an OpenAI-compatible server over HTTP. An upstream that is down at start
 * does not stop the gateway: the target stays unready while its health probe keeps trying, and the
 * route fails over or answers 503 meanwhile.
 */
public final class RemoteBackendFactory implements BackendFactory {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteBackendFactory.class);

  @Override
  public Future<OwnedBackend> create(Vertx vertx, TargetConfig target) {
    RemoteSpec spec = (RemoteSpec) target.spec();
    RemoteBackend backend =
        new RemoteBackend(
            vertx,
            new RemoteTarget(
                target.name(),
                spec.baseUrl(),
                spec.upstreamModel(),
                spec.apiKey(),
                target.timeout(),
                spec.maxConnections(),
                spec.healthPath(),
                spec.model().toModelInfo(BackendKind.REMOTE, spec.baseUrl().toString()),
                spec.verifyUnitNorm() ? VectorCheck.UNIT_NORM : VectorCheck.FINITE_NONZERO));
    return backend
        .start()
        .recover(
            cause -> {
              LOG.warn(
                  "Target {} is not ready at start ({}); its probe keeps trying",
                  target.name(),
                  cause.getMessage());
              return Future.succeededFuture();
            })
        .map(ready -> OwnedBackend.of(backend));
  }
}
