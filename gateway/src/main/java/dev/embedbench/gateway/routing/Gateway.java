package dev.embedbench.gateway.routing;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The gateway's serving path between a parsed request and the response vectors: route lookup,
 * validation, instruction, target choice with failover, splitting, Matryoshka truncation, shadowing.
 *
 * <p>{@link #embed} may be called from any event loop; its future completes on the caller's context.
 */
public final class Gateway {

  private final GatewayConfig config;

  private Gateway(GatewayConfig config) {
    this.config = config;
  }

  /** Builds and starts every target's backend; fails with a ConfigException naming the target. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
    return Future.failedFuture(new IllegalStateException("routing is being written"));
  }

  /** Serves one request; fails only with {@link ApiException}. */
  public Future<EmbeddingsOutcome> embed(EmbeddingsRequest request) {
    return Future.failedFuture(new ApiException(ApiError.modelNotFound(request.model())));
  }

  /** What {@code GET /v1/models} lists, one entry per route. */
  public List<ModelListing> models() {
    return List.of();
  }

  /** True when every route has a target that can serve now. */
  public boolean ready() {
    return false;
  }

  /** Closes every backend and emulator this gateway started. */
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
