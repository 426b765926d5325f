package dev.embedbench.backends.remote;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small servers on 127.0.0.1 that answer like the real ones do, each under its own path prefix:
 * {@code /sglang} (floats only, data in reverse order, no usage), {@code /tei} (base64, flat
 * errors), {@code /vllm} (503 while loading), {@code /plain} (text 500), {@code /garbage}, {@code
 * /slow}, {@code /short} (one vector too few), {@code /busy} (429 with Retry-After), {@code /auth}
 * (401).
 */
final class FakeUpstreams {

  static final int DIMENSIONS = 8;

  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  final List<EmbeddingsRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger healthChecks = new AtomicInteger();

  /** Requests the "held" server holds at once, and the most it ever held. */
  final AtomicInteger held = new AtomicInteger();

  final AtomicInteger maxHeld = new AtomicInteger();
  volatile boolean vllmReady;
  private HttpServer server;

  int start(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    router.get("/:server/health").handler(this::health);
    router.post("/:server/v1/embeddings").handler(this::embeddings);
    server = Loopback.listen(vertx, router);
    return server.actualPort();
  }

  void close() throws Exception {
    Loopback.await(server.close());
  }

  private void health(RoutingContext ctx) {
    healthChecks.incrementAndGet();
    switch (ctx.pathParam("server")) {
      case "vllm" -> ctx.response().setStatusCode(vllmReady ? 200 : 503).end();
      case "sglang" ->
          ctx.response()
              .putHeader("content-type", "application/json")
              .end("{\"status\":\"ok\",\"model_type\":\"embedding\"}");
      case "garbage" -> ctx.response().setStatusCode(500).end("down");
      default -> ctx.response().end();
    }
  }

  private void embeddings(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("Authorization");
    authorizations.add(authorization == null ? "" : authorization);
    EmbeddingsRequest request = EmbeddingsRequest.parse(ctx.body().buffer().getBytes());
    requests.add(request);
    int n = request.inputs().size();
    switch (ctx.pathParam("server")) {
      case "sglang" -> json(ctx, 200, sglangFloatsReversed(n));
      case "tei" -> {
        if (request.inputs().toString().contains("too long")) {
          json(
              ctx,
              413,
              "{\"error\":\"Input validation error: `inputs` must have less than 512"
                  + " tokens. Given: 600\",\"error_type\":\"Validation\"}");
        } else if (request.inputs().toString().contains("tokenizer")) {
          json(
              ctx,
              422,
              "{\"message\":\"tokenizer failed\",\"code\":422,\"error_type\":\"Tokenizer\"}");
        } else if (request.inputs().toString().contains("backend")) {
          json(ctx, 424, "{\"error\":\"CUDA out of memory\",\"error_type\":\"Backend\"}");
        } else {
          ctx.response()
              .putHeader("content-type", "application/json")
              .end(
                  io.vertx.core.buffer.Buffer.buffer(
                      new EmbeddingsResponse(request.model(), vectors(n), 3 * n)
                          .encode(request.encodingFormat())));
        }
      }
      case "vllm" ->
          ctx.response()
              .setStatusCode(503)
              .putHeader("Retry-After", "2")
              .putHeader("content-type", "application/json")
              .end(
                  "{\"object\":\"error\",\"message\":\"The model is still loading.\","
                      + "\"type\":\"ServiceUnavailableError\",\"param\":null,\"code\":503}");
      case "plain" ->
          ctx.response()
              .setStatusCode(500)
              .putHeader("content-type", "text/plain")
              .end("Internal Server Error\n\tat some.Python.trace");
      case "garbage" ->
          ctx.response().putHeader("content-type", "text/html").end("<html>oops</html>");
      case "held" -> {
        maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
        ctx.vertx()
            .setTimer(
                100,
                id -> {
                  held.decrementAndGet();
                  json(ctx, 200, sglangFloatsReversed(n));
                });
      }
      case "slow" -> ctx.vertx().setTimer(3_000, id -> json(ctx, 200, sglangFloatsReversed(n)));
      case "short" ->
          json(
              ctx,
              200,
              new String(
                  new EmbeddingsResponse("m", vectors(n - 1), 1).encode(EncodingFormat.FLOAT),
                  StandardCharsets.UTF_8));
      case "busy" ->
          ctx.response()
              .setStatusCode(429)
              .putHeader("Retry-After", "7")
              .end("{\"error\":{\"message\":\"Too many requests\",\"type\":\"rate_limit_error\"}}");
      case "auth" ->
          json(
              ctx,
              401,
              "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"invalid_request_error\"}}");
      default -> ctx.response().setStatusCode(404).end();
    }
  }

  private static void json(RoutingContext ctx, int status, String body) {
    if (!ctx.response().closed()) {
      ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }
  }

  /** Vector i is (i+1, -0.0, 0.25, ...): distinct per input, with a negative zero to keep. */
  static List<float[]> vectors(int n) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[DIMENSIONS];
      v[0] = i + 1;
      v[1] = -0.0f;
      for (int d = 2; d < DIMENSIONS; d++) {
        v[d] = 0.25f * d;
      }
      vectors.add(v);
    }
    return vectors;
  }

  /** Floats whatever was asked, data in reverse index order and no usage, as SGLang may send. */
  private static String sglangFloatsReversed(int n) {
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    List<float[]> vectors = vectors(n);
    for (int i = n - 1; i >= 0; i--) {
      json.append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[");
      float[] v = vectors.get(i);
      for (int d = 0; d < v.length; d++) {
        json.append(d == 0 ? "" : ",").append(v[d]);
      }
      json.append("]}").append(i == 0 ? "" : ",");
    }
    return json.append("],\"model\":\"sglang-model\"}").toString();
  }
}
