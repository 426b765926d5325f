package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.gateway.metrics.HttpMetrics;
import dev.embedbench.gateway.metrics.RequestRecord;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The first handler of every request: starts the clock and the in-flight count, and when the
 * response ends (or the connection drops) records the request once in metrics and the access log.
 * Probes and scrapes ({@code /health}, {@code /ready}, {@code /metrics}) are logged but kept out of
 * the request metrics, which describe the API's traffic.
 */
final class RequestObserver implements Handler<RoutingContext> {

  private final HttpMetrics metrics;
  private final AccessLog accessLog;
  private final Set<String> endpoints;
  private final Set<String> unmeasured;

  /**
   * @param endpoints the served paths; anything else is recorded as {@code unmatched}
   * @param unmeasured paths logged but not counted in the request metrics
   */
  RequestObserver(
      HttpMetrics metrics, AccessLog accessLog, Set<String> endpoints, Set<String> unmeasured) {
    this.metrics = metrics;
    this.accessLog = accessLog;
    this.endpoints = Set.copyOf(endpoints);
    this.unmeasured = Set.copyOf(unmeasured);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestFacts facts = RequestFacts.start(ctx);
    boolean measured = !unmeasured.contains(ctx.normalizedPath());
    if (measured) {
      metrics.requestStarted();
    }
    ctx.addEndHandler(done -> record(ctx, facts, measured, done.succeeded()));
    ctx.next();
  }

  /**
   * @param answered false when the connection closed before the response ended: recorded as 499
   *     (the client left, or its request was unreadable), unless the connection itself answered the
   *     request (a read deadline's 408, a shutdown deadline's 503)
   */
  private void record(RoutingContext ctx, RequestFacts facts, boolean measured, boolean answered) {
    String path = endpoints.contains(ctx.normalizedPath()) ? ctx.normalizedPath() : "unmatched";
    int status = ctx.response().getStatusCode();
    if (!answered) {
      int below = ClientConnections.answeredBelowStatus(ctx.request());
      status = below != 0 ? below : ApiError.CLIENT_CLOSED_STATUS;
    }
    RequestRecord request =
        new RequestRecord(
            path,
            facts.model(),
            facts.target(),
            facts.kind(),
            status,
            System.nanoTime() - facts.startNanos(),
            facts.inputs(),
            facts.promptTokens());
    if (measured) {
      metrics.requestEnded(request);
    }
    accessLog.log(ctx.request().method().name(), request);
  }
}
