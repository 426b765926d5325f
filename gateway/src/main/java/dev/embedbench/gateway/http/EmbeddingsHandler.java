package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.Base64Vectors;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code POST /v1/embeddings}: parses the body, asks the gateway, encodes the answer in the
 * requested format. Parsing and encoding are CPU work proportional to the body; past a size where
 * they could hold the event loop for a millisecond or more they move to a worker thread.
 */
final class EmbeddingsHandler implements Handler<RoutingContext> {

  /**
   * Bodies above this are parsed on a worker: large enough that parsing is no longer negligible.
   */
  static final int INLINE_PARSE_MAX_BYTES = 256 * 1024;

  /** Responses above this many float values are encoded on a worker. */
  static final int INLINE_ENCODE_MAX_VALUES = 64 * 1024;

  private final Vertx vertx;
  private final EmbeddingService service;
  private final Map<String, String> routeByName;

  /**
   * @param routeByName every route name and alias, to the route's name
   */
  EmbeddingsHandler(Vertx vertx, EmbeddingService service, Map<String, String> routeByName) {
    this.vertx = vertx;
    this.service = service;
    this.routeByName = Map.copyOf(routeByName);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestFacts facts = RequestFacts.of(ctx);
    if (!isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
      ctx.fail(
          new ApiException(
              new ApiError(
                  415,
                  "Content-Type must be application/json.",
                  "invalid_request_error",
                  null,
                  "unsupported_media_type")));
      return;
    }
    // Completes when the connection closes before the answer is sent: the upstream call stops.
    Promise<Void> abandoned = Promise.promise();
    ctx.addEndHandler(
        end -> {
          if (end.failed()) {
            abandoned.tryComplete();
          }
        });
    RequestBody body = ctx.body();
    byte[] bytes = body == null || body.buffer() == null ? new byte[0] : body.buffer().getBytes();
    cpu(bytes.length > INLINE_PARSE_MAX_BYTES, () -> EmbeddingsRequest.parse(bytes))
        .compose(
            request -> {
              // Only configured names become tags; anything else a client sends stays out of
              // metrics.
              facts.model(routeByName.getOrDefault(request.model(), "unknown"));
              facts.inputs(request.inputs().size());
              return service
                  .embed(request, abandoned.future())
                  .compose(outcome -> encode(request, outcome, facts));
            })
        .onSuccess(
            json -> {
              if (!ctx.response().closed()) {
                ctx.response().putHeader("Content-Type", "application/json").end(json);
              }
            })
        .onFailure(ctx::fail);
  }

  private Future<Buffer> encode(
      EmbeddingsRequest request, EmbeddingsOutcome outcome, RequestFacts facts) {
    facts.served(
        outcome.route(),
        outcome.target(),
        outcome.kind().label(),
        outcome.inputs(),
        outcome.promptTokens());
    EncodingFormat format = request.encodingFormat();
    List<float[]> vectors = outcome.response().vectors();
    // Every vector of an answer has the same length; counted without decoding undecoded base64.
    int values = vectors.size() * Base64Vectors.dimensionsOf(vectors);
    return cpu(
        values > INLINE_ENCODE_MAX_VALUES,
        () -> {
          // Encoded straight into the buffer that is sent, not into an array copied into it. A
          // Vert.x heap buffer needs no release and, unlike Netty's Unpooled allocator, updates no
          // allocation counter (that LongAdder and the array were 4% of the gateway's CPU samples).
          EmbeddingsResponse response = outcome.response();
          Buffer buffer = Buffer.buffer(response.encodedSizeHint(format));
          response.encode(format, new BufferOutputStream(buffer));
          return buffer;
        });
  }

  /** {@code application/json}, with or without parameters; a missing header is taken as JSON. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    int end = contentType.indexOf(';');
    String mediaType = (end < 0 ? contentType : contentType.substring(0, end)).trim();
    return mediaType.equalsIgnoreCase("application/json");
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
