package dev.embedbench.backends.emulated;

import dev.embedbench.backends.remote.RemoteBackend;
import dev.embedbench.backends.remote.RemoteTarget;
import dev.embedbench.backends.spi.BackendProvider;
import dev.embedbench.backends.spi.BackendSpec;
import dev.embedbench.backends.spi.BackendTarget;
import dev.embedbench.backends.spi.StartedBackend;
import dev.embedbench.backends.wire.VectorCheck;
import dev.embedbench.config.ConfigNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: emulated}: reads the target's latency profile at load, and at start runs an emulated
 * server with it on 127.0.0.1 (a free port), reached through a {@link RemoteBackend}, so the client
 * path is the real one and only the model is emulated. The backend reports kind emulated.
 */
public final class EmulatedProvider implements BackendProvider {

  private static final Logger LOG = LoggerFactory.getLogger(EmulatedProvider.class);
  private static final Set<String> KEYS = Set.of("profile", "profile_file");

  /** Emulators only ever listen on loopback. */
  static final String LOOPBACK = "127.0.0.1";

  @Override
  public String type() {
    return EmulatedSpec.TYPE;
  }

  @Override
  public Set<String> keys() {
    return KEYS;
  }

  @Override
  public EmulatedSpec read(ConfigNode node, UnaryOperator<String> environment) {
    String profile = node.text("profile", null);
    String profileFile = node.text("profile_file", null);
    if ((profile == null) == (profileFile == null)) {
      throw node.error(
          "profile", "set exactly one of 'profile' (a built-in name) and 'profile_file'");
    }
    if (profile != null) {
      try {
        return new EmulatedSpec(profile, null, EmulatorProfile.builtin(profile));
      } catch (ProfileException e) {
        throw node.error("profile", e.getMessage());
      }
    }
    Path path = Path.of(profileFile);
    if (!path.isAbsolute()) {
      // Relative to the file that names it, so that a config and its profiles travel together.
      path = node.file().toAbsolutePath().getParent().resolve(path).normalize();
    }
    try {
      return new EmulatedSpec(null, path, EmulatorProfile.load(path));
    } catch (ProfileException e) {
      throw node.error("profile_file", e.getMessage());
    }
  }

  @Override
  public Future<StartedBackend> start(Vertx vertx, BackendSpec spec, BackendTarget target) {
    EmulatorProfile profile = ((EmulatedSpec) spec).loaded();
    return EmulatedServer.start(vertx, profile, LOOPBACK, 0)
        .compose(
            server -> {
              // As many connections as the gateway lets requests through, so that requests queue in
              // the emulator's scheduler, as they would in a real server, not in the client's pool.
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
              // is unready, as a real server would be, and the probe keeps trying.
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
                          new StartedBackend(
                              backend,
                              () -> {
                                backend.close();
                                return server.close();
                              }));
            });
  }
}
