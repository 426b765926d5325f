package dev.embedbench.backends.emulated;

import dev.embedbench.backends.ModelInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running emulated embeddings server: {@code POST /v1/embeddings}, {@code GET /health}, {@code
 * GET /v1/models}, behaving as its {@link EmulatorProfile} says. Its answers are emulated, never a
 * measurement of the model it names.
 */
public final class EmulatedServer {

  private final Vertx vertx;
  private final String deploymentId;
  private final EmulatorProfile profile;
  private final String host;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmulatedServer(
      Vertx vertx, String deploymentId, EmulatorProfile profile, String host, int port) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.profile = profile;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts a server on its own event-loop context.
   *
   * @param port 0 for any free port; {@link #port()} tells which
   */
  public static Future<EmulatedServer> start(
      Vertx vertx, EmulatorProfile profile, String host, int port) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
    }
    EmulatorVerticle verticle = new EmulatorVerticle(profile, host, port);
    return vertx
        .deployVerticle(verticle)
        .map(id -> new EmulatedServer(vertx, id, profile, host, verticle.port()));
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  /**
   * The server's base URL, such as {@code http://127.0.0.1:30000}; the API is under {@code /v1}.
   */
  public String baseUrl() {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + literal + ":" + port;
  }

  public EmulatorProfile profile() {
    return profile;
  }

  /** Kind emulated; the source names the profile and the hardware it emulates. */
  public ModelInfo modelInfo() {
    return profile.modelInfo();
  }

  /** Stops listening and drops queued requests. Idempotent. */
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return vertx.undeploy(deploymentId);
  }
}
