package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP layer over real loopback HTTP, with a fake routing layer behind it. */
class GatewayServerTest extends GatewayHttpTestBase {

  @Test
  void floatRoundTripIsBitExact() {
    start();
    HttpResponse<Buffer> response =
        post(
            "{\"model\":\"fake-embed\",\"input\":[\"alpha\",\"beta\",\"gamma\"],\"encoding_format\":\"float\"}");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertVectors(List.of("alpha", "beta", "gamma"), response);
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("list", body.getString("object"));
    assertTrue(
        body.getJsonArray("data").getJsonObject(0).getValue("embedding") instanceof JsonArray);
  }

  @Test
  void base64RoundTripIsBitExact() {
    start();
    HttpResponse<Buffer> response =
        post(
            "{\"model\":\"fake-embed\",\"input\":[\"alpha\",\"beta\"],\"encoding_format\":\"base64\"}");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertVectors(List.of("alpha", "beta"), response);
    assertTrue(
        response.bodyAsJsonObject().getJsonArray("data").getJsonObject(1).getValue("embedding")
            instanceof String);
  }

  static void assertVectors(List<String> texts, HttpResponse<Buffer> response) {
    EmbeddingsResponse parsed = EmbeddingsResponse.parse(response.body().getBytes());
    assertEquals(texts.size(), parsed.vectors().size());
    for (int i = 0; i < texts.size(); i++) {
      float[] expected = FakeEmbeddingService.vectorOf(texts.get(i));
      float[] actual = parsed.vectors().get(i);
      assertEquals(expected.length, actual.length);
      for (int d = 0; d < expected.length; d++) {
        assertEquals(
            Float.floatToRawIntBits(expected[d]),
            Float.floatToRawIntBits(actual[d]),
            "input " + i + " dimension " + d);
      }
    }
    JsonObject usage = response.bodyAsJsonObject().getJsonObject("usage");
    assertTrue(usage.getInteger("prompt_tokens") > 0);
    assertEquals(usage.getInteger("prompt_tokens"), usage.getInteger("total_tokens"));
  }

  @Test
  void expectContinueIsAnswered() {
    start();
    // The client holds the body back until the server says 100 Continue, as curl does.
    Buffer body =
        Buffer.buffer("{\"model\":\"fake-embed\",\"input\":\"" + "x".repeat(4000) + "\"}");
    int status =
        await(
            vertx
                .createHttpClient()
                .request(
                    new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setHost("127.0.0.1")
                        .setPort(server.port())
                        .setURI("/v1/embeddings"))
                .compose(
                    request -> {
                      request
                          .putHeader("Expect", "100-continue")
                          .putHeader("Content-Length", Integer.toString(body.length()));
                      request.continueHandler(ignored -> request.end(body));
                      return request.sendHead().compose(sent -> request.response());
                    })
                .map(response -> response.statusCode()));
    assertEquals(200, status);
  }

  @Test
  void invalidJsonIs400() {
    start();
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":"), 400, "invalid_request_error", null, null);
    assertError(post(""), 400, "invalid_request_error", null, null);
    assertError(post("[1,2]"), 400, "invalid_request_error", null, null);
  }

  @Test
  void badInputIs400NamingInput() {
    start();
    assertError(post("{\"model\":\"fake-embed\"}"), 400, "invalid_request_error", null, "input");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":[]}"),
        400,
        "invalid_request_error",
        null,
        "input");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":\"\"}"),
        400,
        "invalid_request_error",
        null,
        "input");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":42}"),
        400,
        "invalid_request_error",
        null,
        "input");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":[\"a\",3]}"),
        400,
        "invalid_request_error",
        null,
        "input");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":{\"a\":1}}"),
        400,
        "invalid_request_error",
        null,
        "input");
  }

  @Test
  void moreThan2048InputsIs400() {
    start();
    JsonArray inputs = new JsonArray();
    for (int i = 0; i < 2049; i++) {
      inputs.add("x");
    }
    String body = new JsonObject().put("model", "fake-embed").put("input", inputs).encode();
    JsonObject error = assertError(post(body), 400, "invalid_request_error", null, "input");
    assertTrue(error.getString("message").contains("2048"), error.encode());
  }

  @Test
  void badDimensionsAndEncodingAre400() {
    start();
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":\"a\",\"dimensions\":0}"),
        400,
        "invalid_request_error",
        null,
        "dimensions");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":\"a\",\"dimensions\":\"64\"}"),
        400,
        "invalid_request_error",
        null,
        "dimensions");
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":\"a\",\"encoding_format\":\"int8\"}"),
        400,
        "invalid_request_error",
        null,
        "encoding_format");
  }

  @Test
  void apiKeysAreRequiredWhenConfigured() {
    start(List.of("sk-first", "sk-second"), 1);
    String body = "{\"model\":\"fake-embed\",\"input\":\"a\"}";
    assertError(post(body), 401, "invalid_request_error", "invalid_api_key", null);
    HttpResponse<Buffer> wrong =
        await(
            client
                .post(server.port(), "127.0.0.1", "/v1/embeddings")
                .putHeader("Authorization", "Bearer sk-firs")
                .sendBuffer(Buffer.buffer(body)));
    JsonObject error = assertError(wrong, 401, "invalid_request_error", "invalid_api_key", null);
    assertFalse(error.encode().contains("sk-"), "the key is never echoed");
    HttpResponse<Buffer> notBearer =
        await(
            client
                .post(server.port(), "127.0.0.1", "/v1/embeddings")
                .putHeader("Authorization", "Basic sk-second")
                .sendBuffer(Buffer.buffer(body)));
    assertError(notBearer, 401, "invalid_request_error", "invalid_api_key", null);
    HttpResponse<Buffer> right =
        await(
            client
                .post(server.port(), "127.0.0.1", "/v1/embeddings")
                .putHeader("Authorization", "Bearer sk-second")
                .sendBuffer(Buffer.buffer(body)));
    assertEquals(200, right.statusCode(), right.bodyAsString());
    HttpResponse<Buffer> models =
        await(client.get(server.port(), "127.0.0.1", "/v1/models").send());
    assertError(models, 401, "invalid_request_error", "invalid_api_key", null);
    assertEquals(200, get("/health").statusCode(), "probes stay open for orchestrators");
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    start();
    assertError(get("/v1/nothing"), 404, "invalid_request_error", "not_found", null);
    assertError(get("/"), 404, "invalid_request_error", "not_found", null);
    assertError(get("/v1/embeddings"), 405, "invalid_request_error", "method_not_allowed", null);
    HttpResponse<Buffer> deleteModels =
        await(client.delete(server.port(), "127.0.0.1", "/v1/models").send());
    assertError(deleteModels, 405, "invalid_request_error", "method_not_allowed", null);
  }

  @Test
  void bodyOverTheLimitIs413() {
    start();
    String big =
        "{\"model\":\"fake-embed\",\"input\":\"" + "a".repeat((int) MAX_BODY_BYTES) + "\"}";
    assertError(post(big), 413, "invalid_request_error", "request_too_large", null);
    // Without Content-Length the limit must hold while the chunks arrive.
    JsonObject[] chunked = new JsonObject[1];
    await(
        vertx
            .createHttpClient(new HttpClientOptions())
            .request(
                new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost("127.0.0.1")
                    .setPort(server.port())
                    .setURI("/v1/embeddings"))
            .compose(request -> request.setChunked(true).send(Buffer.buffer(big)))
            .compose(
                response ->
                    response
                        .body()
                        .map(
                            body ->
                                chunked[0] =
                                    assertEnvelope(
                                        response.statusCode(),
                                        response.getHeader("Content-Type"),
                                        body.toString(),
                                        413,
                                        "invalid_request_error",
                                        "request_too_large",
                                        null))));
    assertEquals("request_too_large", chunked[0].getString("code"));
    assertEquals(
        200,
        post("{\"model\":\"fake-embed\",\"input\":\"small\"}").statusCode(),
        "the server still serves after rejecting a large body");
  }

  @Test
  void overloadIs429WithRetryAfter() {
    start();
    service.behaviour =
        request ->
            Future.failedFuture(
                new ApiException(
                    ApiError.overloaded("Route fake-embed is at its concurrency limit."),
                    Duration.ofMillis(1500)));
    HttpResponse<Buffer> response = post("{\"model\":\"fake-embed\",\"input\":\"a\"}");
    assertError(response, 429, "rate_limit_error", "overloaded", null);
    assertEquals("2", response.getHeader("Retry-After"));
  }

  @Test
  void upstreamFailuresKeepTheirStatus() {
    start();
    String body = "{\"model\":\"fake-embed\",\"input\":\"a\"}";
    service.behaviour =
        request ->
            Future.failedFuture(new ApiException(ApiError.upstream("Upstream answered 500.")));
    assertError(post(body), 502, "server_error", "upstream_error", null);
    service.behaviour =
        request -> Future.failedFuture(new ApiException(ApiError.unavailable("No ready target.")));
    assertError(post(body), 503, "server_error", "no_ready_backend", null);
    service.behaviour =
        request ->
            Future.failedFuture(
                new ApiException(ApiError.upstreamTimeout("Upstream did not answer within 2s.")));
    assertError(post(body), 504, "server_error", "upstream_timeout", null);
    service.behaviour =
        request -> Future.failedFuture(new ApiException(ApiError.modelNotFound("nope")));
    assertError(post(body), 404, "invalid_request_error", "model_not_found", "model");
  }

  @Test
  void bugsAre500WithoutStackTrace() {
    start();
    service.behaviour =
        request -> {
          throw new IllegalStateException("secret internal detail");
        };
    JsonObject error =
        assertError(
            post("{\"model\":\"fake-embed\",\"input\":\"a\"}"),
            500,
            "server_error",
            "internal_error",
            null);
    assertFalse(error.encode().contains("secret internal detail"));
    service.behaviour = request -> Future.failedFuture(new IllegalStateException("also secret"));
    assertError(
        post("{\"model\":\"fake-embed\",\"input\":\"a\"}"),
        500,
        "server_error",
        "internal_error",
        null);
  }

  @Test
  void probesAndModels() {
    service.ready = false;
    start();
    assertEquals(200, get("/health").statusCode());
    assertError(get("/ready"), 503, "server_error", "no_ready_backend", null);
    service.ready = true;
    assertEquals(200, get("/ready").statusCode());

    JsonObject models = get("/v1/models").bodyAsJsonObject();
    assertEquals("list", models.getString("object"));
    JsonObject model = models.getJsonArray("data").getJsonObject(0);
    assertEquals("fake-embed", model.getString("id"));
    assertEquals("model", model.getString("object"));
    assertEquals("embedbench-tests", model.getString("owned_by"));
    assertEquals(1_764_000_000L, model.getLong("created"));
    assertEquals("fake-alias", model.getJsonArray("aliases").getString(0));
    assertEquals(1024, model.getInteger("dimensions"));
    assertEquals(512, model.getInteger("max_input_tokens"));
    assertEquals("emulated", model.getString("kind"));
  }

  @Test
  void metricsCountRequestsByModelTargetAndStatus() {
    start();
    assertEquals(200, post("{\"model\":\"fake-embed\",\"input\":[\"a\",\"b\"]}").statusCode());
    assertEquals(400, post("{\"model\":\"whatever-a-client-sends\",\"input\":[]}").statusCode());
    get("/health");
    get("/ready");
    get("/metrics");
    HttpResponse<Buffer> metrics = get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.getHeader("Content-Type").startsWith("text/plain"));
    String text = metrics.bodyAsString();
    assertTrue(
        text.contains(
            "embedbench_requests_total{kind=\"emulated\",model=\"fake-embed\","
                + "status=\"200\",target=\"fake-target\"} 1.0"),
        text);
    assertTrue(
        text.contains(
            "embedbench_requests_total{kind=\"none\",model=\"none\",status=\"400\","
                + "target=\"none\"} 1.0"),
        text);
    assertFalse(text.contains("whatever-a-client-sends"), "client text never becomes a tag");
    assertTrue(
        text.contains("embedbench_request_latency_seconds_bucket{model=\"fake-embed\""), text);
    assertTrue(text.contains("embedbench_request_inputs_sum{model=\"fake-embed\"} 2.0"), text);
    assertTrue(text.contains("embedbench_prompt_tokens_total{model=\"fake-embed\"}"), text);
    assertTrue(text.contains("embedbench_requests_inflight"), text);
    assertFalse(
        text.contains("status=\"200\",target=\"none\""), "probes and scrapes are not counted");
  }

  @Test
  void severalInstancesShareOnePort() {
    start(List.of(), 3);
    for (int i = 0; i < 12; i++) {
      assertEquals(200, post("{\"model\":\"fake-embed\",\"input\":\"x" + i + "\"}").statusCode());
    }
  }
}
