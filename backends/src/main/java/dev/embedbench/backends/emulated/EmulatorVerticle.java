package dev.embedbench.backends.emulated;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * One emulated server: its router, scheduler and HTTP server, all on this verticle's own event-loop
 * context, so it never shares a loop with the caller (a gateway measuring it, say).
 */
final class EmulatorVerticle extends VerticleBase {

  /**
   * 2048 inputs of a few thousand characters each fit; beyond that a real server would refuse too.
   */
  static final long BODY_LIMIT_BYTES = 64L * 1024 * 1024;

  private final EmulatorProfile profile;
  private final String host;
  private final int requestedPort;
  private volatile int port;

  EmulatorVerticle(EmulatorProfile profile, String host, int requestedPort) {
    this.profile = profile;
    this.host = host;
    this.requestedPort = requestedPort;
  }

  @Override
  public Future<?> start() {
    FailureInjector failures =
        new FailureInjector(profile.failures(), profile.serviceTime().seed(), System.nanoTime());
    BatchScheduler scheduler =
        new BatchScheduler(
            vertx, profile.scheduling(), new ServiceTimeModel(profile.serviceTime()), failures);
    StatusEndpoints status = new StatusEndpoints(profile, failures);
    ErrorResponder errors = new ErrorResponder(BODY_LIMIT_BYTES);

    Router router = Router.router(vertx);
    router
        .route()
        .handler(
            ctx -> {
              ctx.response().putHeader("X-Embedbench-Emulated", profile.name());
              ctx.next();
            });
    router
        .post("/v1/embeddings")
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES))
        .handler(new EmbeddingsEndpoint(profile, scheduler, failures));
    router.get("/health").handler(status::health);
    router.get("/v1/models").handler(status::models);
    router.route().failureHandler(errors);
    router.errorHandler(404, errors);
    router.errorHandler(405, errors);

    return vertx
        .createHttpServer(
            new HttpServerOptions().setTcpNoDelay(true).setHttp2ClearTextEnabled(false))
        .requestHandler(router)
        .listen(requestedPort, host)
        .onSuccess(server -> port = server.actualPort());
  }

  int port() {
    return port;
  }
}
