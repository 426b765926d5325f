package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * server.idle_timeout, server.request_read_timeout and server.max_connections, seen from clients.
 */
class ClientLimitsTest extends GatewayHttpTestBase {

  static final String BODY = "{\"model\":\"fake-embed\",\"input\":\"limits\"}";

  final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  GatewayServer start(Duration idleTimeout, Duration requestReadTimeout, int maxConnections) {
    ServerConfig config =
        new ServerConfig("127.0.0.1", 0, List.of(), MAX_BODY_BYTES, Duration.ofSeconds(5), true)
            .withClientLimits(idleTimeout, requestReadTimeout, maxConnections);
    return start(config, 1);
  }

  Socket connect() throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Everything the server sends until it closes the connection (a read timeout fails the test). */
  static String readUntilClosed(Socket socket) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[4096];
    int n;
    try {
      while ((n = in.read(chunk)) >= 0) {
        received.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError(
          "the server did not close the connection; received so far: "
              + received.toString(StandardCharsets.UTF_8));
    } catch (IOException reset) {
      // A reset is a close too.
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static String request(String body) {
    return "POST /v1/embeddings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  @Test
  void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
    start(Duration.ofSeconds(1), Duration.ofSeconds(30), 100);
    Socket neverSent = connect();
    Socket afterAnswer = connect();
    send(afterAnswer, request(BODY));

    assertEquals(
        "", readUntilClosed(neverSent), "a connection that never sends is closed, silently");
    String answered = readUntilClosed(afterAnswer);
    assertTrue(answered.startsWith("HTTP/1.1 200"), answered);
    assertTrue(
        answered.contains("\"embedding\""), "the request was answered before the idle close");
  }

  @Test
  void aRequestInProgressIsNotIdleHoweverLongTheBackendTakes() {
    start(Duration.ofSeconds(1), Duration.ofSeconds(30), 100);
    service.behaviour = request -> later(2_500, request);
    HttpResponse<Buffer> response = post(BODY);
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  @Test
  void aSlowlorisDribblingHeadersIsCutAtTheReadDeadline() throws Exception {
    start(Duration.ofSeconds(60), Duration.ofMillis(400), 100);
    Socket slowloris = connect();
    send(slowloris, "POST /v1/embeddings HTTP/1.1\r\n");
    // Dribble a header every 100 ms in the background: the connection is never idle, never
    // complete.
    Thread dribbler =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 200; i++) {
                  send(slowloris, "X-Slow-" + i + ": a\r\n");
                  Thread.sleep(100);
                }
              } catch (IOException | InterruptedException closed) {
                // The server cut the connection: what this test waits for.
              }
            });
    dribbler.start();
    long startNanos = System.nanoTime();
    assertEquals("", readUntilClosed(slowloris), "cut before its headers were complete: no answer");
    assertTrue(
        System.nanoTime() - startNanos < Duration.ofSeconds(10).toNanos(),
        "cut at the read deadline, long before the 60 s idle timeout");
    dribbler.interrupt();
    dribbler.join();
    assertEquals(200, post(BODY).statusCode(), "other clients are served as before");
  }

  @Test
  void aBodyThatStallsGetsA408EnvelopeAndTheConnectionIsClosed() throws Exception {
    start(Duration.ofSeconds(60), Duration.ofMillis(400), 100);
    Socket stalled = connect();
    String full = request(BODY);
    send(stalled, full.substring(0, full.length() - 10));

    String answer = readUntilClosed(stalled);
    assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
    assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertEnvelope(
        408, "application/json", body, 408, "invalid_request_error", "request_timeout", null);
    String metrics = get("/metrics").bodyAsString();
    assertTrue(
        metrics.contains("status=\"408\""), "counted as the 408 it was answered: " + metrics);
    assertTrue(
        metrics.contains("embedbench_gateway_client_connections_timed_out_total 1.0"), metrics);
  }

  @Test
  void connectionsPastTheCapAreRefusedWhileAdmittedOnesAreServed() throws Exception {
    start(Duration.ofSeconds(60), Duration.ofSeconds(30), 4);
    // One pooled connection, the fourth and last admitted: a pool free to open a second one while
    // the first is being recycled would be refused too.
    client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(1));
    for (int i = 0; i < 3; i++) {
      connect();
    }
    awaitOpenConnections(3);
    assertEquals(200, post(BODY).statusCode());
    awaitOpenConnections(4);

    for (int i = 0; i < 5; i++) {
      Socket refused = connect();
      send(refused, request(BODY));
      assertEquals("", readUntilClosed(refused), "closed at accept, without an answer");
    }
    HttpResponse<Buffer> stillServed = post(BODY);
    assertEquals(200, stillServed.statusCode(), "the admitted connection is still served");
    String metrics = get("/metrics").bodyAsString();
    assertTrue(
        metrics.contains("embedbench_gateway_client_connections_refused_total 5.0"), metrics);
    assertTrue(metrics.contains("embedbench_gateway_client_connections 4.0"), metrics);
  }

  @Test
  void aCapAboveTheDescriptorLimitIsWarnedAbout() {
    int room = ClientConnections.DESCRIPTOR_HEADROOM;
    assertTrue(ClientConnections.descriptorWarning(10_000, 10_000 + room).isEmpty());
    String warning = ClientConnections.descriptorWarning(10_000, 1_024).orElseThrow();
    assertTrue(
        warning.contains("server.max_connections (10000)")
            && warning.contains("(1024)")
            && warning.contains("ulimit -n"),
        warning);
    assertTrue(
        ClientConnections.descriptorWarning(10_000, -1).isEmpty(), "unknown limit: no guess");
  }

  void awaitOpenConnections(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.openConnections() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(expected, server.openConnections());
  }

  Future<EmbeddingsOutcome> later(long millis, EmbeddingsRequest request) {
    Promise<EmbeddingsOutcome> promise = Promise.promise();
    vertx.setTimer(millis, id -> FakeEmbeddingService.answer(request).onComplete(promise));
    return promise.future();
  }
}
