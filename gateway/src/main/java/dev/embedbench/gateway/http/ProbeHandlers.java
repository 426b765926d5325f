package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/** {@code GET /health} and {@code GET /ready}, for load balancers and orchestrators. */
final class ProbeHandlers {

  private ProbeHandlers() {}

  /** Alive: the process answers HTTP. */
  static Handler<RoutingContext> health() {
    return ctx ->
        ctx.response().putHeader("Content-Type", "application/json").end("{\"status\":\"alive\"}");
  }

  /**
   * Ready: every route has a ready target and the server is not draining; otherwise 503, so that a
   * load balancer stops sending before shutdown and until backends are up.
   */
  static Handler<RoutingContext> ready(BooleanSupplier ready) {
    return ctx -> {
      if (ready.getAsBoolean()) {
        ctx.response().putHeader("Content-Type", "application/json").end("{\"status\":\"ready\"}");
      } else {
        ctx.fail(
            new ApiException(
                ApiError.unavailable(
                    "Not ready: a route has no ready target, or the server is shutting down.")));
      }
    };
  }
}
