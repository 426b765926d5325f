package dev.embedbench.gateway.http;

import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.gateway.metrics.HttpMetrics;
import dev.embedbench.gateway.routing.ModelListing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Wires the endpoints: which handlers run, in which order, for which path. Holds the pieces that
 * are shared by every server verticle (metrics, the models body) and builds one {@link Router} per
 * verticle instance.
 */
final class ApiRouter {

  static final String EMBEDDINGS = "/v1/embeddings";
  static final String MODELS = "/v1/models";
  static final String HEALTH = "/health";
  static final String READY = "/ready";
  static final String METRICS = "/metrics";
  static final Set<String> ENDPOINTS = Set.of(EMBEDDINGS, MODELS, HEALTH, READY, METRICS);

  /** Probes and scrapes: logged, but not API traffic, so not in the request metrics. */
  static final Set<String> PROBES = Set.of(HEALTH, READY, METRICS);

  private final EmbeddingService service;
  private final ServerConfig config;
  private final PrometheusMeterRegistry registry;
  private final HttpMetrics metrics;
  private final BooleanSupplier ready;
  private final ModelsHandler modelsHandler;
  private final Map<String, String> routeByName;

  /**
   * @param ready true while the server should report ready (backends up, not draining)
   */
  ApiRouter(
      EmbeddingService service,
      ServerConfig config,
      PrometheusMeterRegistry registry,
      BooleanSupplier ready) {
    this.service = service;
    this.config = config;
    this.registry = registry;
    this.metrics = new HttpMetrics(registry);
    this.ready = ready;
    List<ModelListing> models = service.models();
    this.modelsHandler = new ModelsHandler(models);
    this.routeByName = new HashMap<>();
    for (ModelListing model : models) {
      routeByName.put(model.id(), model.id());
      model.aliases().forEach(alias -> routeByName.put(alias, model.id()));
    }
  }

  HttpMetrics metrics() {
    return metrics;
  }

  Router build(Vertx vertx) {
    Router router = Router.router(vertx);
    ApiFailureHandler failure = new ApiFailureHandler(config.maxBodyBytes());
    router
        .route()
        .handler(
            new RequestObserver(metrics, new AccessLog(config.accessLog()), ENDPOINTS, PROBES));
    router.route().failureHandler(failure);
    // No route (404) and wrong method (405) are raised by the router itself, outside any route.
    router.errorHandler(404, failure);
    router.errorHandler(405, failure);
    router.errorHandler(500, failure);

    router.get(HEALTH).handler(ProbeHandlers.health());
    router.get(READY).handler(ProbeHandlers.ready(ready));
    router.get(METRICS).handler(new MetricsHandler(registry));
    if (!config.apiKeys().isEmpty()) {
      router.route("/v1/*").handler(new ApiKeyAuth(config.apiKeys()));
    }
    router
        .post(EMBEDDINGS)
        .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
        .handler(new EmbeddingsHandler(vertx, service, routeByName));
    router.get(MODELS).handler(modelsHandler);
    return router;
  }
}
