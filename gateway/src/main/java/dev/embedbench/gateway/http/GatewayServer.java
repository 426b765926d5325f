package dev.embedbench.gateway.http;

import dev.embedbench.gateway.config.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The gateway's HTTP server: the API router deployed on {@code instances} event loops sharing one
 * port, and its graceful shutdown.
 *
 * <p>Shutdown: {@code /ready} turns 503 at once, every server stops accepting connections, requests
 * already received finish (up to the configured deadline), then the embedding service is closed.
 */
public final class GatewayServer {

  private final Vertx vertx;
  private final EmbeddingService service;
  private final int port;
  private final String deploymentId;
  private final AtomicBoolean draining;
  private Future<Void> shutdown;

  private GatewayServer(Vertx vertx, EmbeddingService service, int port, String deploymentId,
      AtomicBoolean draining) {
    this.vertx = vertx;
    this.service = service;
    this.port = port;
    this.deploymentId = deploymentId;
    this.draining = draining;
  }

  /**
   * Listens on {@code config.host():config.port()} (port 0 picks a free port, shared by all
   * instances).
   *
   * @param instances server verticles, one per event loop; the number of cores is a good default
   */
  public static Future<GatewayServer> start(Vertx vertx, EmbeddingService service, ServerConfig config,
      PrometheusMeterRegistry registry, int instances) {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be >= 1, was " + instances);
    }
    AtomicBoolean draining = new AtomicBoolean();
    ApiRouter api = new ApiRouter(service, config, registry, () -> !draining.get() && service.ready());
    // Vert.x shares one listening socket among servers bound to the same host and port; for a free
    // port it shares one only when asked with a negative port (port 0 would bind one per instance).
    int port = config.port() == 0 ? -1 : config.port();
    List<ServerVerticle> verticles = new CopyOnWriteArrayList<>();
    Supplier<ServerVerticle> factory = () -> {
      ServerVerticle verticle = new ServerVerticle(api, config.host(), port, config.shutdownDeadline());
      verticles.add(verticle);
      return verticle;
    };
    return vertx.deployVerticle(factory, new DeploymentOptions().setInstances(instances))
        .map(id -> new GatewayServer(vertx, service, verticles.get(0).actualPort(), id, draining));
  }

  public int port() {
    return port;
  }

  /** Graceful shutdown; idempotent, every call returns the same future. */
  public synchronized Future<Void> shutdown() {
    if (shutdown == null) {
      draining.set(true);
      // Undeploying stops every instance, each shutting its server down gracefully.
      shutdown = vertx.undeploy(deploymentId).transform(ignored -> service.close());
    }
    return shutdown;
  }
}
