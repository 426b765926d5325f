package dev.embedbench.gateway.routing.targets;

import dev.embedbench.backends.emulated.EmulatedServer;
import dev.embedbench.backends.emulated.EmulatorProfile;
import dev.embedbench.backends.remote.RemoteBackend;
import dev.embedbench.backends.remote.RemoteTarget;
import dev.embedbench.backends.wire.VectorCheck;
import dev.embedbench.gateway.config.EmulatedSpec;
import dev.embedbench.gateway.config.TargetConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: emulated}: starts an emulated server with the target's profile on 127.0.0.1 (a free
 * port) and reaches it through a {@link RemoteBackend}, so the client path is the real one and only
 * the model is emulated. The backend reports kind emulated, from the profile.
 */
public final class EmulatedBackendFactory implements BackendFactory {

  private static final Logger LOG = LoggerFactory.getLogger(EmulatedBackendFactory.class);

  /** Emulators only ever listen on loopback. */
  static final String LOOPBACK = "127.0.0.1";

  @Override
  public Future<OwnedBackend> create(Vertx vertx, TargetConfig target) {
    EmulatedSpec spec = (EmulatedSpec) target.spec();
    EmulatorProfile profile = spec.loaded();
    return EmulatedServer.start(vertx, profile, LOOPBACK, 0)
        .compose(
            server -> {
              // As many connections as the gateway lets requests through, so that requests queue in
              // the
              // emulator's scheduler, as they would in a real server, not in the client's pool.
              RemoteBackend backend =
                  new RemoteBackend(
                      vertx,
                      new RemoteTarget(
                          target.name(),
                          URI.create(server.baseUrl()),
                          profile.model(),
                          null,
                          target.timeout(),
                          target.maxConcurrency(),
                          "/health",
                          server.modelInfo(),
                          VectorCheck.FINITE_NONZERO));
              // A profile with a slow start answers its probe only once warm; until then the target
              // is
              // unready, as a real server would be, and the probe keeps trying.
              return backend
                  .start()
                  .recover(
                      cause -> {
                        LOG.info(
                            "Emulated target {} is warming up ({})",
                            target.name(),
                            cause.getMessage());
                        return Future.succeededFuture();
                      })
                  .map(
                      started ->
                          new OwnedBackend(
                              backend,
                              () -> {
                                backend.close();
                                return server.close();
                              }));
            });
  }
}
