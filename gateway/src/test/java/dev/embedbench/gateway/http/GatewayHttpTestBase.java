package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.gateway.config.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts the HTTP layer on loopback with a fake routing layer behind it, and talks to it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class GatewayHttpTestBase {

  static final long MAX_BODY_BYTES = 64 * 1024;

  Vertx vertx;

  /** The Vert.x the server runs on: {@link #vertx} (NIO) unless a subclass picks a transport. */
  Vertx serverVertx;

  FakeEmbeddingService service;
  GatewayServer server;
  PrometheusMeterRegistry registry;
  WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.serverVertx = serverVertx(vertx);
    this.service = new FakeEmbeddingService();
    this.client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      await(server.shutdown());
    }
    if (serverVertx != vertx) {
      await(serverVertx.close());
    }
  }

  /** The tests' own Vert.x; a subclass returns another to run the same tests on its transport. */
  Vertx serverVertx(Vertx testVertx) {
    return testVertx;
  }

  GatewayServer start(List<String> apiKeys, int instances) {
    return start(apiKeys, instances, Duration.ofSeconds(5));
  }

  GatewayServer start(List<String> apiKeys, int instances, Duration shutdownDeadline) {
    return start(
        new ServerConfig("127.0.0.1", 0, apiKeys, MAX_BODY_BYTES, shutdownDeadline, true),
        instances);
  }

  GatewayServer start(ServerConfig config, int instances) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    server = await(GatewayServer.start(serverVertx, service, config, registry, instances));
    return server;
  }

  GatewayServer start() {
    return start(List.of(), 1);
  }

  HttpResponse<Buffer> post(String body) {
    return await(
        client
            .post(server.port(), "127.0.0.1", "/v1/embeddings")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> get(String path) {
    return await(client.get(server.port(), "127.0.0.1", path).send());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 20 s", e);
    }
  }

  /** Asserts the status and the whole OpenAI envelope; returns the inner error object. */
  static JsonObject assertError(
      HttpResponse<Buffer> response, int status, String type, String code, String param) {
    return assertEnvelope(
        response.statusCode(),
        response.getHeader("Content-Type"),
        response.bodyAsString(),
        status,
        type,
        code,
        param);
  }

  static JsonObject assertEnvelope(
      int actualStatus,
      String contentType,
      String text,
      int status,
      String type,
      String code,
      String param) {
    assertEquals(status, actualStatus, text);
    assertEquals("application/json", contentType);
    JsonObject body = new JsonObject(text);
    assertEquals(1, body.size(), "only 'error' at the top: " + body);
    JsonObject error = body.getJsonObject("error");
    assertEquals(type, error.getString("type"));
    assertEquals(code, error.getString("code"));
    assertEquals(param, error.getString("param"));
    assertFalse(error.getString("message").isBlank());
    assertFalse(error.getString("message").contains("at dev.embedbench"), "no stack trace");
    assertTrue(error.containsKey("param") && error.containsKey("code"), "all four fields present");
    return error;
  }
}
