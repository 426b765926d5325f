package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.testsupport.console.CapturedConsole;
import dev.embedbench.testsupport.net.Loopback;
import dev.embedbench.testsupport.net.UnitVectors;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against hostile upstreams and clients, end to end over loopback: vectors that must
 * never reach a client, upstream text and echoed secrets that must not leak, bodies too large to
 * buffer, clients that leave mid-request or send broken chunks.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayHardeningTest {

  static final int DIMENSIONS = 8;
  static final String UPSTREAM_KEY = "sk-upstream-secret-4711";
  static final long HUGE_BYTES = 50L * 1024 * 1024;

  @TempDir Path dir;

  Vertx vertx;
  HttpServer upstream;
  GatewayServer server;
  WebClient client;

  /** Bytes the huge upstream managed to write before the gateway closed the connection. */
  final AtomicLong hugeBytesWritten = new AtomicLong();

  final CountDownLatch hugeConnectionClosed = new CountDownLatch(1);
  final CountDownLatch heldReached = new CountDownLatch(1);
  final CountDownLatch heldConnectionClosed = new CountDownLatch(1);
  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  CapturedConsole stderr;

  @BeforeEach
  void setUp(Vertx vertx) {
    stderr = CapturedConsole.stderrInto(captured);
    this.vertx = vertx;
    this.client = WebClient.create(vertx);
    upstream = Loopback.listen(vertx, this::upstreamAnswer);
  }

  @AfterEach
  void tearDown() {
    try {
      if (server != null) {
        GatewayHttpTestBase.await(server.shutdown());
      }
    } finally {
      stderr.close();
    }
  }

  String log() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** The upstream's behaviour is chosen by the model name the gateway sends it. */
  void upstreamAnswer(HttpServerRequest request) {
    if (request.path().equals("/health")) {
      request.response().end("{\"status\":\"ok\"}");
      return;
    }
    if (request.path().endsWith("/health")) {
      request.response().setStatusCode(503).end("starting");
      return;
    }
    String authorization = request.getHeader("Authorization");
    request
        .body()
        .onSuccess(
            body -> {
              EmbeddingsRequest parsed = EmbeddingsRequest.parse(body.getBytes());
              int n = parsed.inputs().size();
              HttpServerResponse response =
                  request.response().putHeader("Content-Type", "application/json");
              switch (parsed.model()) {
                case "nan-model" -> response.end(base64Answer(n, v -> v[3] = Float.NaN));
                case "inf-float-model" -> response.end(floatAnswer(n, "1e39"));
                case "zero-model" -> response.end(base64Answer(n, v -> Arrays.fill(v, 0f)));
                case "long-model" -> response.end(base64Answer(n, v -> v[0] += 1f));
                case "echo-model" ->
                    response
                        .setStatusCode(500)
                        .end(
                            "{\"error\":{\"message\":\"boom internal at /srv/app.py; you sent Authorization: "
                                + authorization
                                + "\"}}");
                case "huge-error-model", "huge-model" -> {
                  response
                      .setStatusCode(parsed.model().equals("huge-model") ? 200 : 500)
                      .putHeader("Content-Length", Long.toString(HUGE_BYTES));
                  request.connection().closeHandler(v -> hugeConnectionClosed.countDown());
                  writeHuge(response);
                }
                case "held-model" -> {
                  request.connection().closeHandler(v -> heldConnectionClosed.countDown());
                  heldReached.countDown();
                }
                default -> response.end(base64Answer(n, v -> {}));
              }
            });
  }

  /**
   * Writes 64 KiB chunks while the socket takes them, until the body is complete or the peer left.
   */
  void writeHuge(HttpServerResponse response) {
    Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
    while (!response.writeQueueFull()
        && !response.closed()
        && hugeBytesWritten.get() < HUGE_BYTES) {
      response.write(chunk);
      hugeBytesWritten.addAndGet(chunk.length());
    }
    if (!response.closed() && hugeBytesWritten.get() < HUGE_BYTES) {
      response.drainHandler(v -> writeHuge(response));
    }
  }

  /** Unit vectors, changed by {@code edit}, as base64. */
  static String base64Answer(int n, Consumer<float[]> edit) {
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < n; i++) {
      float[] v = unit(i);
      edit.accept(v);
      ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(v);
      json.append(i == 0 ? "" : ",")
          .append("{\"object\":\"embedding\",\"index\":")
          .append(i)
          .append(",\"embedding\":\"")
          .append(Base64.getEncoder().encodeToString(bytes.array()))
          .append("\"}");
    }
    return json.append("],\"model\":\"m\",\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}")
        .toString();
  }

  /** Float JSON whose first value is {@code firstValue} verbatim (1e39 overflows a float). */
  static String floatAnswer(int n, String firstValue) {
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < n; i++) {
      float[] v = unit(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"object\":\"embedding\",\"index\":")
          .append(i)
          .append(",\"embedding\":[")
          .append(firstValue);
      for (int d = 1; d < v.length; d++) {
        json.append(',').append(v[d]);
      }
      json.append("]}");
    }
    return json.append("],\"model\":\"m\"}").toString();
  }

  static float[] unit(int seed) {
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
        + "        api_key: "
        + UPSTREAM_KEY
        + "\n"
        + "        timeout: 5s\n"
        + extra
        + "        model: {name: "
        + upstreamModel
        + ", dimensions: "
        + DIMENSIONS
        + ", max_input_tokens: 16, matryoshka: {min: 2, max: "
        + DIMENSIONS
        + "}}\n";
  }

  String route(String name, String... targets) {
    return "  - name: " + name + "\n    targets:\n" + String.join("", targets);
  }

  void start(String routes) throws IOException {
    server = GatewayFromYaml.start(vertx, dir, routes, 1);
  }

  HttpResponse<Buffer> embed(String model, String extraFields) {
    return GatewayHttpTestBase.await(
        client
            .post(server.port(), "127.0.0.1", "/v1/embeddings")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(
                Buffer.buffer(
                    "{\"model\":\""
                        + model
                        + "\",\"input\":[\"a\",\"b\",\"c\"]"
                        + extraFields
                        + "}")));
  }

  String metrics() {
    return GatewayHttpTestBase.await(client.get(server.port(), "127.0.0.1", "/metrics").send())
        .bodyAsString();
  }

  @Test
  void nonFiniteAndZeroVectorsAre502CountedAgainstTheTarget() throws IOException {
    start(
        route("nan", target("nan-t", "nan-model", ""))
            + route("inf", target("inf-t", "inf-float-model", ""))
            + route("zero", target("zero-t", "zero-model", "")));
    for (String format : new String[] {"float", "base64"}) {
      for (String extra : new String[] {"", ",\"dimensions\":4"}) {
        String fields = ",\"encoding_format\":\"" + format + "\"" + extra;
        for (String model : new String[] {"nan", "inf", "zero"}) {
          HttpResponse<Buffer> response = embed(model, fields);
          JsonObject error =
              GatewayHttpTestBase.assertError(
                  response, 502, "server_error", "upstream_invalid_vector", null);
          assertTrue(
              error.getString("message").startsWith("Target " + model + "-t "), error.toString());
          assertFalse(response.bodyAsString().contains("\"data\""), response.bodyAsString());
        }
      }
    }
    String metrics = metrics();
    for (String target : new String[] {"nan-t", "inf-t", "zero-t"}) {
      assertTrue(
          metrics.matches(
              "(?s).*embedbench_upstream_latency_seconds_count\\{[^}]*outcome=\"invalid_vector\""
                  + "[^}]*target=\""
                  + target
                  + "\"[^}]*} 4(\\.0)?\\s.*"),
          metrics);
    }
    // The breaker counts them: the fifth failure in a row opens nan-t's circuit (0 closed, 2 open),
    // and the route has nothing left to try.
    assertTrue(metrics.contains("embedbench_circuit_state{target=\"nan-t\"} 0.0"), metrics);
    embed("nan", "");
    assertTrue(metrics().contains("embedbench_circuit_state{target=\"nan-t\"} 2.0"), metrics());
    GatewayHttpTestBase.assertError(
        embed("nan", ""), 503, "server_error", "no_ready_backend", null);
  }

  @Test
  void anInvalidVectorFailsOverToTheNextTarget() throws IOException {
    start(
        "  - name: mixed\n    allow_mixed_models: true\n    targets:\n"
            + target("nan-first", "nan-model", "")
            + target("ok-fallback", "ok-model", "        weight: 0\n"));
    HttpResponse<Buffer> response = embed("mixed", ",\"encoding_format\":\"base64\"");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    EmbeddingsResponse parsed = EmbeddingsResponse.parse(response.body().getBytes());
    assertEquals(unit(2)[5], parsed.vectors().get(2)[5]);
  }

  @Test
  void theNormIsCheckedWhenTheTargetDeclaresUnitVectors() throws IOException {
    start(
        route("checked", target("checked-t", "long-model", "        normalized: true\n"))
            + route("unchecked", target("unchecked-t", "long-model", ""))
            + route("unit", target("unit-t", "ok-model", "        normalized: true\n")));
    JsonObject error =
        GatewayHttpTestBase.assertError(
            embed("checked", ""), 502, "server_error", "upstream_invalid_vector", null);
    assertTrue(error.getString("message").contains("norm"), error.toString());
    assertEquals(200, embed("unchecked", "").statusCode());
    assertEquals(200, embed("unit", "").statusCode());
  }

  @Test
  void upstreamTextUrlAndEchoedKeyStayOutOfTheAnswerAndTheKeyOutOfTheLog() throws IOException {
    start(route("echo", target("echo-t", "echo-model", "")));
    HttpResponse<Buffer> response = embed("echo", "");
    JsonObject error =
        GatewayHttpTestBase.assertError(response, 502, "server_error", "upstream_error", null);
    String body = response.bodyAsString();
    assertEquals("Target echo-t answered with a server error (5xx).", error.getString("message"));
    for (String leak : new String[] {UPSTREAM_KEY, "boom internal", "127.0.0.1", "app.py"}) {
      assertFalse(body.contains(leak), leak + " leaked: " + body);
    }
    assertTrue(log().contains("boom internal"), "the upstream's text is logged: " + log());
    assertFalse(log().contains(UPSTREAM_KEY), "the key is never logged: " + log());
  }

  @Test
  void aHugeUpstreamBodyIsCutNotBuffered() throws Exception {
    start(
        route("huge", target("huge-t", "huge-model", ""))
            + route("huge-error", target("huge-error-t", "huge-error-model", "")));
    for (String model : new String[] {"huge", "huge-error"}) {
      hugeBytesWritten.set(0);
      GatewayHttpTestBase.assertError(
          embed(model, ""), 502, "server_error", "upstream_error", null);
    }
    assertTrue(
        hugeConnectionClosed.await(10, TimeUnit.SECONDS), "the gateway closed the connection");
    // Loopback socket buffers take a few MB; a gateway that read the body whole would take all 50.
    assertTrue(
        hugeBytesWritten.get() < HUGE_BYTES / 2,
        "the upstream could write only " + hugeBytesWritten.get() + " bytes");
  }

  /** Connects, sends {@code raw}, waits a little and closes: a client that gave up. */
  void sendAndClose(String raw, long waitMillis) throws Exception {
    NetSocket socket =
        GatewayHttpTestBase.await(vertx.createNetClient().connect(server.port(), "127.0.0.1"));
    GatewayHttpTestBase.await(socket.write(Buffer.buffer(raw)));
    Thread.sleep(waitMillis);
    GatewayHttpTestBase.await(socket.close());
  }

  void awaitAccessLines(String needle, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (log().lines().filter(l -> l.contains("embedbench.access") && l.contains(needle)).count()
            < count
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void aClientThatLeavesIsCountedAsClientClosedAndItsUpstreamCallCancelled() throws Exception {
    start(route("held", target("held-t", "held-model", "")));
    String body = "{\"model\":\"held\",\"input\":\"x\"}";
    NetSocket socket =
        GatewayHttpTestBase.await(vertx.createNetClient().connect(server.port(), "127.0.0.1"));
    GatewayHttpTestBase.await(
        socket.write(
            Buffer.buffer(
                "POST /v1/embeddings HTTP/1.1\r\nHost: g\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body)));
    assertTrue(heldReached.await(10, TimeUnit.SECONDS), "the request reached the upstream");
    GatewayHttpTestBase.await(socket.close());
    assertTrue(heldConnectionClosed.await(10, TimeUnit.SECONDS), "the upstream call was cancelled");

    // A client that leaves half-way through its body.
    sendAndClose(
        "POST /v1/embeddings HTTP/1.1\r\nHost: g\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"model\":",
        200);
    awaitAccessLines("status=499", 2);
    String metrics = metrics();
    assertTrue(metrics.contains("status=\"499\""), metrics);
    assertFalse(metrics.contains("status=\"200\""), metrics);
    assertTrue(
        log()
            .lines()
            .anyMatch(
                l ->
                    l.contains("embedbench.access")
                        && l.contains("status=499")
                        && l.contains("outcome=client_closed")),
        log());
  }

  @Test
  void aBadChunkSizeIsOneLogLineWithoutAStackTrace() throws Exception {
    start(route("ok", target("ok-t", "ok-model", "")));
    sendAndClose(
        "POST /v1/embeddings HTTP/1.1\r\nHost: g\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"model\":\"ok\"}\r\n0\r\n\r\n",
        300);
    awaitAccessLines("status=", 1);
    String metrics = metrics();
    assertFalse(metrics.contains("status=\"200\""), metrics);
    assertTrue(metrics.contains("status=\"499\""), metrics);
    assertFalse(log().contains("\tat "), "no stack trace: " + log());
  }

  @Test
  void noReadyBackendCarriesRetryAfter() throws IOException {
    start(route("down", target("down-t", "ok-model", "        health_path: /down/health\n")));
    HttpResponse<Buffer> response = embed("down", "");
    GatewayHttpTestBase.assertError(response, 503, "server_error", "no_ready_backend", null);
    assertTrue(
        Integer.parseInt(response.getHeader("Retry-After")) >= 1, response.headers().toString());
  }

  @Test
  void aBodyThatIsNotJsonIs415() throws IOException {
    start(route("ok", target("ok-t", "ok-model", "")));
    HttpResponse<Buffer> response =
        GatewayHttpTestBase.await(
            client
                .post(server.port(), "127.0.0.1", "/v1/embeddings")
                .putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("{\"model\":\"ok\",\"input\":\"x\"}")));
    GatewayHttpTestBase.assertError(
        response, 415, "invalid_request_error", "unsupported_media_type", null);
    HttpResponse<Buffer> json =
        GatewayHttpTestBase.await(
            client
                .post(server.port(), "127.0.0.1", "/v1/embeddings")
                .putHeader("Content-Type", "Application/JSON; charset=utf-8")
                .sendBuffer(Buffer.buffer("{\"model\":\"ok\",\"input\":\"x\"}")));
    assertEquals(200, json.statusCode(), json.bodyAsString());
  }
}
