package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: accepted requests complete, new connections are refused, stuck ones are cut. */
class GracefulShutdownTest extends GatewayHttpTestBase {

  static final int REQUESTS = 8;

  final List<Promise<EmbeddingsOutcome>> held = new CopyOnWriteArrayList<>();
  final CountDownLatch received = new CountDownLatch(REQUESTS);

  Future<EmbeddingsOutcome> hold(EmbeddingsRequest request) {
    Promise<EmbeddingsOutcome> promise = Promise.promise();
    held.add(promise);
    received.countDown();
    return promise.future();
  }

  List<Future<HttpResponse<Buffer>>> sendConcurrently(int port) {
    WebClient pooled = WebClient.create(vertx, new WebClientOptions(),
        new PoolOptions().setHttp1MaxSize(REQUESTS));
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      responses.add(pooled.post(port, "127.0.0.1", "/v1/embeddings")
          .sendBuffer(Buffer.buffer("{\"model\":\"fake-embed\",\"input\":\"held " + i + "\"}")));
    }
    return responses;
  }

  @Test
  void acceptedRequestsAllCompleteAndNewConnectionsAreRefused() throws Exception {
    GatewayServer started = start(List.of(), 2);
    int port = started.port();
    service.behaviour = this::hold;
    List<Future<HttpResponse<Buffer>>> responses = sendConcurrently(port);
    assertTrue(received.await(10, TimeUnit.SECONDS), "all requests reached the service");

    Future<Void> shutdown = started.shutdown();
    assertTrue(connectionRefusedWithin(port, Duration.ofSeconds(5)), "stops accepting connections");
    assertFalse(shutdown.isComplete(), "waits for the requests in flight");
    assertFalse(service.closed.get(), "backends stay open while requests are in flight");

    for (Promise<EmbeddingsOutcome> promise : held) {
      EmbeddingsRequest request = EmbeddingsRequest.parse(
          "{\"model\":\"fake-embed\",\"input\":\"x\"}".getBytes());
      promise.complete(FakeEmbeddingService.answer(request).result());
    }
    for (Future<HttpResponse<Buffer>> response : responses) {
      HttpResponse<Buffer> answered = await(response);
      assertEquals(200, answered.statusCode(), answered.bodyAsString());
      assertEquals(1, answered.bodyAsJsonObject().getJsonArray("data").size());
    }
    await(shutdown);
    assertTrue(service.closed.get(), "the service is closed once the server has drained");
    server = null;
  }

  @Test
  void requestsStuckPastTheDeadlineAreCutNotHung() throws Exception {
    GatewayServer started = start(List.of(), 1, Duration.ofMillis(300));
    service.behaviour = this::hold;
    List<Future<HttpResponse<Buffer>>> responses = sendConcurrently(started.port());
    assertTrue(received.await(10, TimeUnit.SECONDS));
    long startNanos = System.nanoTime();
    await(started.shutdown());
    assertTrue(System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(10), "shutdown is bounded");
    for (Future<HttpResponse<Buffer>> response : responses) {
      Future<HttpResponse<Buffer>> settled = response.recover(Future::failedFuture);
      try {
        settled.await(10, TimeUnit.SECONDS);
      } catch (RuntimeException closedByServer) {
        // Expected: the connection was closed at the deadline.
      }
      assertTrue(settled.isComplete(), "the client is not left hanging");
      assertTrue(settled.failed(), "a request cut at the deadline fails on the client");
    }
    assertTrue(service.closed.get());
    server = null;
  }

  static boolean connectionRefusedWithin(int port, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      } catch (IOException refused) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }
}
