package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.testsupport.net.Loopback;
import dev.embedbench.testsupport.net.UnitVectors;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway end to end: YAML config, the real routing and remote backends, the HTTP layer,
 * over loopback HTTP, in front of scripted upstream servers that answer, fail, send garbage, stall
 * or hold requests. Each error case checks the status and the envelope the client sees.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayEndToEndTest {

  static final int DIMENSIONS = 8;

  @TempDir Path dir;

  Vertx vertx;
  HttpServer upstream;
  final List<Promise<Void>> heldUpstream = new CopyOnWriteArrayList<>();
  GatewayServer server;
  WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.client = WebClient.create(vertx);
    upstream = Loopback.listen(vertx, this::upstreamAnswer);
  }

  @AfterEach
  void tearDown() {
    heldUpstream.forEach(p -> p.tryComplete());
    if (server != null) {
      GatewayHttpTestBase.await(server.shutdown());
    }
  }

  /** The upstream's behaviour is chosen by the model name the gateway sends it. */
  void upstreamAnswer(HttpServerRequest request) {
    if (request.path().equals("/health")) {
      request.response().end("{\"status\":\"ok\"}");
      return;
    }
    if (request.path().equals("/down/health")) {
      request.response().setStatusCode(503).end("starting");
      return;
    }
    request
        .body()
        .onSuccess(
            body -> {
              EmbeddingsRequest parsed = EmbeddingsRequest.parse(body.getBytes());
              switch (parsed.model()) {
                case "error-model" ->
                    request
                        .response()
                        .setStatusCode(500)
                        .putHeader("Content-Type", "application/json")
                        .end(
                            "{\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"server_error\"}}");
                case "garbage-model" ->
                    request
                        .response()
                        .putHeader("Content-Type", "application/json")
                        .end("<html>not an embeddings response</html>");
                case "stall-model" -> {
                  // Never answers; the gateway's target timeout must turn this into 504.
                }
                case "held-model" -> {
                  Promise<Void> release = Promise.promise();
                  heldUpstream.add(release);
                  release.future().onComplete(ignored -> answer(request, parsed));
                }
                default -> answer(request, parsed);
              }
            });
  }

  /**
   * Answers in floats whatever was asked, as SGLang does; the gateway re-encodes for the client.
   */
  static void answer(HttpServerRequest request, EmbeddingsRequest parsed) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < parsed.inputs().size(); i++) {
      vectors.add(vector(i));
    }
    request
        .response()
        .putHeader("Content-Type", "application/json")
        .end(
            Buffer.buffer(
                new EmbeddingsResponse(parsed.model(), vectors, 3 * vectors.size())
                    .encode(EncodingFormat.FLOAT)));
  }

  /** Unit-length vectors with values that float text must carry exactly. */
  static float[] vector(int seed) {
    return UnitVectors.of(seed, DIMENSIONS);
  }

  String target(String name, String upstreamModel, String extra) {
    return "      - name: "
        + name
        + "\n"
        + "        type: remote\n"
        + "        url: http://127.0.0.1:"
        + upstream.actualPort()
        + "\n"
        + "        upstream_model: "
        + upstreamModel
        + "\n"
        + "        timeout: 500ms\n"
        + extra
        + "        model: {name: "
        + upstreamModel
        + ", dimensions: "
        + DIMENSIONS
        + ", max_input_tokens: 16}\n";
  }

  GatewayServer start(String routes) throws IOException {
    server = GatewayFromYaml.start(vertx, dir, routes, 2);
    return server;
  }

  String route(String name, String target) {
    return "  - name: " + name + "\n    targets:\n" + target;
  }

  HttpResponse<Buffer> post(String body) {
    return GatewayHttpTestBase.await(
        client.post(server.port(), "127.0.0.1", "/v1/embeddings").sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> embed(String model, String extraFields) {
    return post("{\"model\":\"" + model + "\",\"input\":[\"a\",\"b\",\"c\"]" + extraFields + "}");
  }

  @Test
  void base64AndFloatThroughTheWholeGatewayAreBitExact() throws IOException {
    start(route("ok", target("ok-t", "ok-model", "")));
    for (String format : List.of("float", "base64")) {
      HttpResponse<Buffer> response = embed("ok", ",\"encoding_format\":\"" + format + "\"");
      assertEquals(200, response.statusCode(), response.bodyAsString());
      EmbeddingsResponse parsed = EmbeddingsResponse.parse(response.body().getBytes());
      assertEquals(3, parsed.vectors().size());
      for (int i = 0; i < 3; i++) {
        float[] expected = vector(i);
        for (int d = 0; d < DIMENSIONS; d++) {
          assertEquals(
              Float.floatToRawIntBits(expected[d]),
              Float.floatToRawIntBits(parsed.vectors().get(i)[d]),
              format + " " + i + "/" + d);
        }
      }
      Object first =
          response.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getValue("embedding");
      assertTrue(format.equals("base64") ? first instanceof String : first instanceof JsonArray);
    }
    JsonObject model =
        GatewayHttpTestBase.await(client.get(server.port(), "127.0.0.1", "/v1/models").send())
            .bodyAsJsonObject()
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals("ok", model.getString("id"));
    assertEquals(DIMENSIONS, model.getInteger("dimensions"));
    assertEquals(16, model.getInteger("max_input_tokens"));
    assertEquals("remote", model.getString("kind"));
    assertEquals(
        200,
        GatewayHttpTestBase.await(client.get(server.port(), "127.0.0.1", "/ready").send())
            .statusCode());
    String metrics =
        GatewayHttpTestBase.await(client.get(server.port(), "127.0.0.1", "/metrics").send())
            .bodyAsString();
    assertTrue(
        metrics.contains(
            "embedbench_requests_total{kind=\"remote\",model=\"ok\",status=\"200\","
                + "target=\"ok-t\"} 2.0"),
        metrics);
  }

  @Test
  void requestErrorsAre400And404() throws IOException {
    start(route("ok", target("ok-t", "ok-model", "")));
    GatewayHttpTestBase.assertError(
        embed("nope", ""), 404, "invalid_request_error", "model_not_found", "model");
    GatewayHttpTestBase.assertError(
        post("{\"model\":\"ok\",\"input\":\"" + "word ".repeat(200) + "\"}"),
        400,
        "invalid_request_error",
        "context_length_exceeded",
        "input");
    GatewayHttpTestBase.assertError(
        embed("ok", ",\"dimensions\":4"),
        400,
        "invalid_request_error",
        "invalid_dimensions",
        "dimensions");
    GatewayHttpTestBase.assertError(
        post("{\"model\":\"ok\",\"input\":[[1,2,3]]}"),
        400,
        "invalid_request_error",
        "token_ids_not_supported",
        "input");
    GatewayHttpTestBase.assertError(
        post("{\"model\":\"ok\",\"input\":\"x\",\"encoding_format\":\"bf16\"}"),
        400,
        "invalid_request_error",
        null,
        "encoding_format");
    GatewayHttpTestBase.assertError(
        post("{\"model\":\"ok\""), 400, "invalid_request_error", null, null);
    GatewayHttpTestBase.assertError(
        post("{\"model\":\"ok\",\"input\":\"" + "a".repeat(70_000) + "\"}"),
        413,
        "invalid_request_error",
        "request_too_large",
        null);
  }

  @Test
  void upstreamErrorGarbageAndTimeoutAre502And504() throws IOException {
    start(
        route("err", target("err-t", "error-model", ""))
            + route("garbage", target("garbage-t", "garbage-model", ""))
            + route("stall", target("stall-t", "stall-model", "")));
    JsonObject error =
        GatewayHttpTestBase.assertError(
            embed("err", ""), 502, "server_error", "upstream_error", null);
    assertTrue(error.getString("message").length() < 500, "no upstream dump: " + error);
    GatewayHttpTestBase.assertError(
        embed("garbage", ""), 502, "server_error", "upstream_error", null);
    GatewayHttpTestBase.assertError(
        embed("stall", ""), 504, "server_error", "upstream_timeout", null);
  }

  @Test
  void noReadyTargetIs503() throws IOException {
    start(route("down", target("down-t", "ok-model", "        health_path: /down/health\n")));
    GatewayHttpTestBase.assertError(
        GatewayHttpTestBase.await(client.get(server.port(), "127.0.0.1", "/ready").send()),
        503,
        "server_error",
        "no_ready_backend",
        null);
    GatewayHttpTestBase.assertError(
        embed("down", ""), 503, "server_error", "no_ready_backend", null);
  }

  @Test
  void concurrencyLimitIs429WithRetryAfterAndTheHeldRequestStillCompletes() throws IOException {
    start(route("held", target("held-t", "held-model", "        max_concurrency: 1\n")));
    Future<HttpResponse<Buffer>> first =
        client
            .post(server.port(), "127.0.0.1", "/v1/embeddings")
            .sendBuffer(Buffer.buffer("{\"model\":\"held\",\"input\":\"first\"}"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (heldUpstream.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, heldUpstream.size(), "the first request reached the upstream");
    HttpResponse<Buffer> second = embed("held", "");
    GatewayHttpTestBase.assertError(second, 429, "rate_limit_error", "overloaded", null);
    assertTrue(Integer.parseInt(second.getHeader("Retry-After")) >= 1, second.headers().toString());
    heldUpstream.get(0).complete();
    assertEquals(200, GatewayHttpTestBase.await(first).statusCode());
  }
}
