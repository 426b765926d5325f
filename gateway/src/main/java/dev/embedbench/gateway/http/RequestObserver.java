package dev.embedbench.gateway.http;

import dev.embedbench.gateway.metrics.HttpMetrics;
import dev.embedbench.gateway.metrics.RequestRecord;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The first handler of every request: starts the clock and the in-flight count, and when the
 * response ends (or the connection drops) records the request once in metrics and the access log.
 */
final class RequestObserver implements Handler<RoutingContext> {

  private final HttpMetrics metrics;
  private final AccessLog accessLog;
  private final Set<String> endpoints;

  /** @param endpoints the served paths; anything else is recorded as {@code unmatched} */
  RequestObserver(HttpMetrics metrics, AccessLog accessLog, Set<String> endpoints) {
    this.metrics = metrics;
    this.accessLog = accessLog;
    this.endpoints = Set.copyOf(endpoints);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestFacts facts = RequestFacts.start(ctx);
    metrics.requestStarted();
    ctx.addEndHandler(done -> record(ctx, facts));
    ctx.next();
  }

  private void record(RoutingContext ctx, RequestFacts facts) {
    String path = endpoints.contains(ctx.normalizedPath()) ? ctx.normalizedPath() : "unmatched";
    RequestRecord request = new RequestRecord(
        path, facts.model(), facts.target(), facts.kind(), ctx.response().getStatusCode(),
        System.nanoTime() - facts.startNanos(), facts.inputs(), facts.promptTokens());
    metrics.requestEnded(request);
    accessLog.log(ctx.request().method().name(), request);
  }
}
