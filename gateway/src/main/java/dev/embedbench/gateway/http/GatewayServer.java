package dev.embedbench.gateway.http;

import dev.embedbench.gateway.config.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The gateway's HTTP server: the API router deployed on {@code instances} event loops sharing one
 * port, its client connection limits ({@link ClientConnections}), and its graceful shutdown.
 *
 * <p>Shutdown is a drain, in the order load balancers and Kubernetes expect: {@code /ready} turns
 * 503 at once while the server keeps serving for {@code drain_delay}, with {@code Connection:
 * close} on every response so that clients reconnect elsewhere; then it stops accepting and closes
 * idle connections; then it waits up to {@code shutdown_deadline} for requests in flight, answers
 * any still running with a 503 envelope, and closes the embedding service.
 */
public final class GatewayServer {

  /** Past the deadline, how long the servers' own shutdown waits for the 503s to be written. */
  private static final Duration ABANDON_GRACE = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final EmbeddingService service;
  private final ServerConfig config;
  private final int port;
  private final String deploymentId;
  private final AtomicBoolean draining;
  private final ClientConnections clients;
  private Future<Void> shutdown;

  private GatewayServer(
      Vertx vertx,
      EmbeddingService service,
      ServerConfig config,
      int port,
      String deploymentId,
      AtomicBoolean draining,
      ClientConnections clients) {
    this.vertx = vertx;
    this.service = service;
    this.config = config;
    this.port = port;
    this.deploymentId = deploymentId;
    this.draining = draining;
    this.clients = clients;
  }

  /**
   * Listens on {@code config.host():config.port()} (port 0 picks a free port, shared by all
   * instances).
   *
   * @param instances server verticles, one per event loop; the number of cores is a good default
   */
  public static Future<GatewayServer> start(
      Vertx vertx,
      EmbeddingService service,
      ServerConfig config,
      PrometheusMeterRegistry registry,
      int instances) {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be >= 1, was " + instances);
    }
    AtomicBoolean draining = new AtomicBoolean();
    ClientConnections clients = new ClientConnections(config, draining, registry);
    ApiRouter api =
        new ApiRouter(service, config, registry, () -> !draining.get() && service.ready());
    // Vert.x shares one listening socket among servers bound to the same host and port; for a free
    // port it shares one only when asked with a negative port (port 0 would bind one per instance).
    int port = config.port() == 0 ? -1 : config.port();
    List<ServerVerticle> verticles = new CopyOnWriteArrayList<>();
    Supplier<ServerVerticle> factory =
        () -> {
          ServerVerticle verticle =
              new ServerVerticle(
                  api, config.host(), port, config.shutdownDeadline().plus(ABANDON_GRACE), clients);
          verticles.add(verticle);
          return verticle;
        };
    return vertx
        .deployVerticle(factory, new DeploymentOptions().setInstances(instances))
        .map(
            id ->
                new GatewayServer(
                    vertx, service, config, verticles.get(0).actualPort(), id, draining, clients));
  }

  public int port() {
    return port;
  }

  /** Client connections open now. */
  public int openConnections() {
    return clients.open();
  }

  /** Graceful shutdown (the drain above); idempotent, every call returns the same future. */
  public synchronized Future<Void> shutdown() {
    if (shutdown == null) {
      draining.set(true);
      shutdown =
          after(config.drainDelay())
              .compose(
                  drained -> {
                    long abandon =
                        vertx.setTimer(
                            Math.max(1, config.shutdownDeadline().toMillis()),
                            id -> clients.abandonAll());
                    // Undeploying stops every instance: each stops accepting and waits for its
                    // connections.
                    return vertx
                        .undeploy(deploymentId)
                        .onComplete(stopped -> vertx.cancelTimer(abandon));
                  })
              .eventually(
                  () -> {
                    clients.stop();
                    return service.close();
                  });
    }
    return shutdown;
  }

  private Future<Void> after(Duration delay) {
    if (delay.isZero()) {
      return Future.succeededFuture();
    }
    Promise<Void> elapsed = Promise.promise();
    vertx.setTimer(Math.max(1, delay.toMillis()), id -> elapsed.complete());
    return elapsed.future();
  }
}
