package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code POST /v1/embeddings}: parses the body, asks the gateway, encodes the answer in the
 * requested format. Parsing and encoding are CPU work proportional to the body; past a size where
 * they could hold the event loop for a millisecond or more they move to a worker thread.
 */
final class EmbeddingsHandler implements Handler<RoutingContext> {

  /** Bodies above this are parsed on a worker: large enough that parsing is no longer negligible. */
  static final int INLINE_PARSE_MAX_BYTES = 256 * 1024;
  /** Responses above this many float values are encoded on a worker. */
  static final int INLINE_ENCODE_MAX_VALUES = 64 * 1024;

  private final Vertx vertx;
  private final EmbeddingService service;
  private final Map<String, String> routeByName;

  /** @param routeByName every route name and alias, to the route's name */
  EmbeddingsHandler(Vertx vertx, EmbeddingService service, Map<String, String> routeByName) {
    this.vertx = vertx;
    this.service = service;
    this.routeByName = Map.copyOf(routeByName);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestFacts facts = RequestFacts.of(ctx);
    RequestBody body = ctx.body();
    byte[] bytes = body == null || body.buffer() == null ? new byte[0] : body.buffer().getBytes();
    cpu(bytes.length > INLINE_PARSE_MAX_BYTES, () -> EmbeddingsRequest.parse(bytes))
        .compose(request -> {
          // Only configured names become tags; anything else a client sends stays out of metrics.
          facts.model(routeByName.getOrDefault(request.model(), "unknown"));
          facts.inputs(request.inputs().size());
          return service.embed(request).compose(outcome -> encode(request, outcome, facts));
        })
        .onSuccess(json -> {
          if (!ctx.response().closed()) {
            ctx.response().putHeader("Content-Type", "application/json").end(json);
          }
        })
        .onFailure(ctx::fail);
  }

  private Future<Buffer> encode(EmbeddingsRequest request, EmbeddingsOutcome outcome, RequestFacts facts) {
    facts.served(outcome.route(), outcome.target(), outcome.kind().label(), outcome.inputs(),
        outcome.promptTokens());
    EncodingFormat format = request.encodingFormat();
    int values = outcome.response().vectors().stream().mapToInt(v -> v.length).sum();
    return cpu(values > INLINE_ENCODE_MAX_VALUES,
        () -> Buffer.buffer(outcome.response().encode(format)));
  }

  /** Runs pure CPU work inline, or on a worker when it is large enough to stall the event loop. */
  private <T> Future<T> cpu(boolean large, Callable<T> work) {
    if (large) {
      return vertx.executeBlocking(work, false);
    }
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
