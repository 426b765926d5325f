package dev.embedbench.backends.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamPoolsTest {

  private Vertx vertx;
  private UpstreamPools pools;

  /** Each request's client port, by the path it was sent to. */
  private final Map<String, List<Integer>> portsByPath = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (pools != null) {
      pools.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private int serve(Consumer<HttpServerRequest> answer) {
    HttpServer server =
        Loopback.listen(
            vertx,
            request -> {
              portsByPath
                  .computeIfAbsent(request.path(), p -> new ArrayList<>())
                  .add(request.remoteAddress().port());
              request.body().onSuccess(body -> answer.accept(request));
            });
    return server.actualPort();
  }

  private UpstreamPools pools(int port, String path) {
    pools =
        new UpstreamPools(
            vertx,
            URI.create("http://127.0.0.1:" + port + path),
            "sk-test",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    return pools;
  }

  private ContextInternal loop() {
    return ((VertxInternal) vertx).createEventLoopContext();
  }

  /** Sends {@code count} calls at once from {@code context}'s loop; their answers or failures. */
  private List<CompletableFuture<UpstreamAnswer>> send(
      ContextInternal context, int count, long limitBytes) {
    UpstreamPool pool = pools.forLoop(context.nettyEventLoop());
    List<CompletableFuture<UpstreamAnswer>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(new CompletableFuture<>());
    }
    context
        .nettyEventLoop()
        .execute(
            () -> {
              for (CompletableFuture<UpstreamAnswer> answer : answers) {
                pool.acquire(
                    (connection, failure) -> {
                      if (failure != null) {
                        answer.completeExceptionally(failure);
                        return;
                      }
                      connection.send(
                          "{}".getBytes(StandardCharsets.UTF_8),
                          limitBytes,
                          new UpstreamConnection.Listener() {
                            @Override
                            public void answered(UpstreamAnswer upstreamAnswer) {
                              answer.complete(upstreamAnswer);
                            }

                            @Override
                            public void failed(Throwable cause) {
                              answer.completeExceptionally(cause);
                            }
                          });
                    });
              }
            });
    return answers;
  }

  private UpstreamAnswer one(ContextInternal context, long limitBytes) throws Exception {
    return send(context, 1, limitBytes).get(0).get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<UpstreamAnswer> answer) throws Exception {
    try {
      answer.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void aLoopReusesItsKeepAliveConnectionsAndNeverSharesThemWithAnotherLoop() throws Exception {
    int port = serve(request -> request.response().end("ok"));
    pools(port, "/v1/embeddings");
    ContextInternal first = loop();
    ContextInternal second = loop();
    while (second.nettyEventLoop() == first.nettyEventLoop()) {
      second = loop();
    }
    for (int i = 0; i < 5; i++) {
      assertEquals("ok", new String(one(first, 1024).body(), StandardCharsets.UTF_8));
    }
    Set<Integer> firstPorts = new HashSet<>(portsByPath.get("/v1/embeddings"));
    assertEquals(1, firstPorts.size(), "sequential calls on one loop share one connection");
    for (CompletableFuture<UpstreamAnswer> answer : send(second, 3, 1024)) {
      assertEquals(200, answer.get(10, TimeUnit.SECONDS).status());
    }
    Set<Integer> secondPorts = new HashSet<>(portsByPath.get("/v1/embeddings"));
    secondPorts.removeAll(firstPorts);
    assertTrue(
        secondPorts.size() >= 1 && secondPorts.size() <= 3,
        "the other loop opened connections of its own: " + portsByPath);
  }

  @Test
  void theRequestCarriesThePathHostKeyAndBody() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    HttpServer server =
        Loopback.listen(
            vertx,
            request ->
                request
                    .body()
                    .onSuccess(
                        body -> {
                          seen.complete(
                              request.method()
                                  + " "
                                  + request.uri()
                                  + " host="
                                  + request.getHeader("Host")
                                  + " auth="
                                  + request.getHeader("Authorization")
                                  + " type="
                                  + request.getHeader("Content-Type")
                                  + " body="
                                  + body);
                          request.response().end();
                        }));
    pools(server.actualPort(), "/prefix/v1/embeddings");
    UpstreamAnswer answer = one(loop(), 1024);
    assertEquals(200, answer.status());
    assertArrayEquals(new byte[0], answer.body());
    assertEquals(
        "POST /prefix/v1/embeddings host=127.0.0.1:"
            + server.actualPort()
            + " auth=Bearer sk-test type=application/json body={}",
        seen.get(10, TimeUnit.SECONDS));
  }

  @Test
  void anAnswerWithConnectionCloseIsNotReused() throws Exception {
    int port = serve(request -> request.response().putHeader("Connection", "close").end("bye"));
    pools(port, "/v1/embeddings");
    ContextInternal context = loop();
    one(context, 1024);
    one(context, 1024);
    List<Integer> ports = portsByPath.get("/v1/embeddings");
    assertNotEquals(ports.get(0), ports.get(1), "a closed connection was used again");
  }

  @Test
  void aChunkedAnswerIsReadWholeAndOneOverTheLimitFails() throws Exception {
    int port =
        serve(
            request -> {
              request.response().setChunked(true).putHeader("Retry-After", "7");
              for (int i = 0; i < 10; i++) {
                request.response().write("0123456789");
              }
              request.response().end();
            });
    pools(port, "/v1/embeddings");
    ContextInternal context = loop();
    UpstreamAnswer answer = one(context, 1024);
    assertEquals(100, answer.body().length);
    assertEquals("7", answer.retryAfter());
    Throwable tooLarge = failure(send(context, 1, 50).get(0));
    assertInstanceOf(CappedBody.TooLarge.class, tooLarge);
    assertEquals(200, one(context, 1024).status(), "the pool recovers after closing it");
  }

  @Test
  void anErrorAnswerKeepsOnlyAPrefixAndADeclaredOversizeSuccessIsRefused() throws Exception {
    int port =
        serve(
            request -> {
              String big = "x".repeat(UpstreamErrors.MAX_ERROR_BODY_BYTES + 1000);
              request.response().setStatusCode(request.path().contains("error") ? 500 : 200);
              request.response().end(big);
            });
    pools(port, "/error/v1/embeddings");
    UpstreamAnswer error = one(loop(), 1024);
    assertEquals(500, error.status());
    assertEquals(UpstreamErrors.MAX_ERROR_BODY_BYTES, error.body().length);
    pools.close();
    pools(port, "/ok/v1/embeddings");
    assertInstanceOf(CappedBody.TooLarge.class, failure(send(loop(), 1, 1024).get(0)));
  }

  @Test
  void anUpstreamThatClosesMidAnswerFailsTheCall() throws Exception {
    NetServer server =
        vertx
            .createNetServer()
            .connectHandler(
                socket ->
                    socket.handler(
                        request ->
                            socket
                                .write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"data\":[")
                                .onComplete(written -> socket.close())));
    Loopback.await(server.listen(0, Loopback.HOST));
    pools(server.actualPort(), "/v1/embeddings");
    assertInstanceOf(UpstreamClosedException.class, failure(send(loop(), 1, 1024).get(0)));
  }

  @Test
  void aConnectionIdleForTheIdleTimeoutIsClosed() throws Exception {
    CompletableFuture<Void> closedByGateway = new CompletableFuture<>();
    HttpServer server =
        Loopback.listen(
            vertx
                .createHttpServer()
                .connectionHandler(
                    connection -> connection.closeHandler(v -> closedByGateway.complete(null)))
                .requestHandler(request -> request.response().end("ok")));
    pools =
        new UpstreamPools(
            vertx,
            URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/embeddings"),
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofMillis(100));
    assertEquals(200, one(loop(), 1024).status());
    closedByGateway.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aClosedPoolRefusesCalls() throws Exception {
    int port = serve(request -> request.response().end("ok"));
    pools(port, "/v1/embeddings");
    ContextInternal context = loop();
    one(context, 1024);
    pools.close();
    assertInstanceOf(UpstreamClosedException.class, failure(send(context, 1, 1024).get(0)));
  }
}
