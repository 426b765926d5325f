package dev.embedbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.net.Loopback;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lean client against a Vert.x server on 127.0.0.1 that answers in the ways servers do. */
class Http1PoolTest {

  private Vertx vertx;
  private HttpServer server;
  private Http1Loops loops;
  private final Set<Object> serverConnections = ConcurrentHashMap.newKeySet();
  private volatile BiConsumer<HttpServerRequest, Buffer> behaviour;
  private EncodedRequests requests;
  private Http1Pool pool;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        Loopback.listen(
            vertx
                .createHttpServer()
                .connectionHandler(connection -> serverConnections.add(connection))
                .requestHandler(
                    request -> request.body().onSuccess(body -> behaviour.accept(request, body))));
    loops = new Http1Loops(1);
    requests =
        EncodedRequests.encode(
            URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/embeddings"),
            null,
            List.of(
                "{\"n\":0}".getBytes(StandardCharsets.US_ASCII),
                "{\"n\":1}".getBytes(StandardCharsets.US_ASCII)));
  }

  @AfterEach
  void stop() throws Exception {
    if (pool != null) {
      pool.close();
    }
    loops.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    requests.close();
  }

  private Http1Pool pool(int connections, Duration timeout) {
    pool = new Http1Pool(loops.loop(0), loops.channels(), requests, connections, timeout);
    return pool;
  }

  /** What one exchange saw, completed at its end or failure. */
  private static final class Outcome implements ResponseListener {
    final CompletableFuture<Outcome> done = new CompletableFuture<>();
    final StringBuilder body = new StringBuilder();
    int status;
    int pieces;
    boolean sent;
    Throwable failure;

    @Override
    public void sending() {
      sent = true;
    }

    @Override
    public void status(int statusCode) {
      status = statusCode;
    }

    @Override
    public void content(ByteBuf piece) {
      pieces++;
      body.append(piece.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void end() {
      done.complete(this);
    }

    @Override
    public void failed(Throwable cause) {
      failure = cause;
      done.complete(this);
    }
  }

  private List<Outcome> send(Http1Pool pool, int count) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      outcomes.add(new Outcome());
    }
    loops
        .loop(0)
        .execute(
            () -> {
              for (int i = 0; i < count; i++) {
                pool.send(i, outcomes.get(i));
              }
            });
    for (Outcome outcome : outcomes) {
      outcome.done.get(10, TimeUnit.SECONDS);
    }
    return outcomes;
  }

  @Test
  void sendsTheIndexedBodyAndReadsAFixedLengthResponse() throws Exception {
    behaviour = (request, body) -> request.response().end("echo " + body);
    List<Outcome> outcomes = send(pool(1, Duration.ofSeconds(5)), 3);
    assertEquals("echo {\"n\":0}", outcomes.get(0).body.toString());
    assertEquals("echo {\"n\":1}", outcomes.get(1).body.toString());
    assertEquals("echo {\"n\":0}", outcomes.get(2).body.toString());
    assertTrue(outcomes.stream().allMatch(o -> o.status == 200 && o.sent && o.failure == null));
    assertEquals(1, serverConnections.size(), "one connection, kept alive for every request");
  }

  @Test
  void readsAChunkedResponseInPieces() throws Exception {
    behaviour =
        (request, body) -> {
          request.response().setChunked(true).setStatusCode(201);
          request.response().write(Buffer.buffer("first,"));
          vertx.setTimer(20, id -> request.response().end("second"));
        };
    Outcome outcome = send(pool(1, Duration.ofSeconds(5)), 1).get(0);
    assertEquals(201, outcome.status);
    assertEquals("first,second", outcome.body.toString());
    assertTrue(outcome.pieces >= 2, "pieces " + outcome.pieces);
  }

  @Test
  void neverOpensMoreThanItsConnectionsAndServesWaitingRequestsInOrder() throws Exception {
    behaviour = (request, body) -> vertx.setTimer(10, id -> request.response().end("ok"));
    List<Outcome> outcomes = send(pool(3, Duration.ofSeconds(5)), 20);
    assertTrue(outcomes.stream().allMatch(o -> o.status == 200 && "ok".contentEquals(o.body)));
    assertEquals(3, serverConnections.size());
  }

  @Test
  void aServerThatClosesAfterAnsweringGetsANewConnection() throws Exception {
    behaviour = (request, body) -> request.response().putHeader("Connection", "close").end("bye");
    List<Outcome> outcomes = send(pool(1, Duration.ofSeconds(5)), 3);
    assertTrue(outcomes.stream().allMatch(o -> o.status == 200 && "bye".contentEquals(o.body)));
    assertEquals(3, serverConnections.size(), "each request on a fresh connection");
  }

  @Test
  void aConnectionClosedMidResponseFailsThatRequestOnlyAndNextRequestsGoOn() throws Exception {
    int[] seen = new int[1];
    behaviour =
        (request, body) -> {
          if (++seen[0] == 1) {
            request.response().setChunked(true).write("partial");
            vertx.setTimer(20, id -> request.connection().close());
          } else {
            request.response().end("fine");
          }
        };
    List<Outcome> outcomes = send(pool(1, Duration.ofSeconds(5)), 2);
    assertInstanceOf(ConnectionClosedException.class, outcomes.get(0).failure);
    assertEquals("fine", outcomes.get(1).body.toString());
  }

  @Test
  void aRequestWithNoAnswerTimesOutAndItsConnectionIsNotReused() throws Exception {
    int[] seen = new int[1];
    behaviour =
        (request, body) -> {
          if (++seen[0] > 1) {
            request.response().end("late but fine");
          }
        };
    Http1Pool pool = pool(1, Duration.ofMillis(300));
    // One at a time: a request's timeout counts its wait for a connection too.
    assertInstanceOf(TimeoutException.class, send(pool, 1).get(0).failure);
    assertEquals("late but fine", send(pool, 1).get(0).body.toString());
    assertEquals(2, serverConnections.size());
  }

  @Test
  void anUnreachableServerFailsEveryRequestWithTheConnectError() throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    requests.close();
    requests =
        EncodedRequests.encode(
            URI.create("http://127.0.0.1:" + port + "/v1/embeddings"),
            null,
            List.of(new byte[] {'{', '}'}));
    List<Outcome> outcomes = send(pool(2, Duration.ofSeconds(5)), 4);
    assertTrue(
        outcomes.stream().allMatch(o -> o.failure instanceof java.net.ConnectException),
        outcomes.get(0).failure::toString);
  }
}
