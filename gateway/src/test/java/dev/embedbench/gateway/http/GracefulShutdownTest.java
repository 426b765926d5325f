package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown: the drain under keep-alive load, accepted requests complete, new connections
 * are refused after the drain delay, requests still running at the deadline get a 503 envelope.
 */
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
    WebClient pooled =
        WebClient.create(
            vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(REQUESTS));
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      responses.add(
          pooled
              .post(port, "127.0.0.1", "/v1/embeddings")
              .sendBuffer(
                  Buffer.buffer("{\"model\":\"fake-embed\",\"input\":\"held " + i + "\"}")));
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
      EmbeddingsRequest request =
          EmbeddingsRequest.parse(
              "{\"model\":\"fake-embed\",\"input\":\"x\"}".getBytes(StandardCharsets.UTF_8));
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
  void requestsStillRunningAtTheDeadlineGetA503EnvelopeNotAnEof() throws Exception {
    GatewayServer started = start(List.of(), 1, Duration.ofMillis(300));
    service.behaviour = this::hold;
    List<Future<HttpResponse<Buffer>>> responses = sendConcurrently(started.port());
    assertTrue(received.await(10, TimeUnit.SECONDS));
    long startNanos = System.nanoTime();
    await(started.shutdown());
    assertTrue(
        System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(10), "shutdown is bounded");
    for (Future<HttpResponse<Buffer>> response : responses) {
      HttpResponse<Buffer> abandoned = await(response);
      assertError(abandoned, 503, "server_error", "shutting_down", null);
      assertEquals("close", abandoned.getHeader("Connection"));
    }
    assertTrue(
        registry.scrape().contains("status=\"503\""), "counted as the 503 they were answered");
    assertTrue(service.closed.get());
    server = null;
  }

  /**
   * Keep-alive clients sending back to back while the server drains, behind a load balancer that
   * probes /ready every 100 ms and stops sending once it reads 503: /ready turns 503 at once, the
   * server keeps answering (with Connection: close) while the balancer catches up, then refuses new
   * connections; no request that was sent goes without a response.
   */
  @Test
  void drainUnderKeepAliveLoadLeavesNoRequestWithoutAResponse() throws Exception {
    ServerConfig config =
        new ServerConfig("127.0.0.1", 0, List.of(), MAX_BODY_BYTES, Duration.ofSeconds(2), false)
            .withDrainDelay(Duration.ofMillis(800));
    GatewayServer started = start(config, 2);
    service.behaviour =
        request -> {
          Promise<EmbeddingsOutcome> promise = Promise.promise();
          vertx.setTimer(20, id -> FakeEmbeddingService.answer(request).onComplete(promise));
          return promise.future();
        };
    HttpClient pooled =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(LOOPS));
    KeepAliveLoad load = new KeepAliveLoad(pooled, started.port());
    for (int i = 0; i < LOOPS; i++) {
      load.next();
    }
    assertTrue(load.answered.await(10, TimeUnit.SECONDS), "the load is running");
    WebClient balancer = WebClient.create(vertx);
    long probes =
        vertx.setPeriodic(
            100,
            id ->
                balancer
                    .get(started.port(), "127.0.0.1", "/ready")
                    .send()
                    .onSuccess(
                        ready -> {
                          if (ready.statusCode() == 503) {
                            load.stop = true;
                          }
                        }));

    long shutdownNanos = System.nanoTime();
    load.drainStartNanos = shutdownNanos;
    Future<Void> shutdown = started.shutdown();
    HttpResponse<Buffer> ready = await(balancer.get(started.port(), "127.0.0.1", "/ready").send());
    assertEquals(503, ready.statusCode(), "/ready turns 503 as soon as the drain starts");
    assertTrue(load.idle.await(10, TimeUnit.SECONDS), "the balancer stopped sending");
    assertFalse(shutdown.isComplete(), "still draining when the balancer has caught up");
    await(shutdown);
    vertx.cancelTimer(probes);

    assertEquals(
        0, load.withoutResponse.get(), "requests sent but never answered: " + load.failures);
    assertEquals(0, load.refusedAtConnect.get(), "no connection refused during the drain delay");
    assertTrue(
        load.okAfter(shutdownNanos) > 0, "requests were still served during the drain delay");
    assertTrue(load.closeHeaders.get() > 0, "responses during the drain say Connection: close");
    assertTrue(
        connectionRefusedWithin(started.port(), Duration.ofSeconds(5)),
        "new connections are refused after the drain");
    server = null;
  }

  static final int LOOPS = 8;

  /** LOOPS clients each sending one request after another until stopped, counting every outcome. */
  static final class KeepAliveLoad {
    final HttpClient client;
    final int port;
    final CountDownLatch answered = new CountDownLatch(LOOPS * 5);
    final CountDownLatch idle = new CountDownLatch(LOOPS);
    final AtomicInteger withoutResponse = new AtomicInteger();
    final AtomicInteger refusedAtConnect = new AtomicInteger();
    final AtomicInteger closeHeaders = new AtomicInteger();
    final List<Long> okNanos = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    volatile boolean stop;
    volatile long drainStartNanos;

    KeepAliveLoad(HttpClient client, int port) {
      this.client = client;
      this.port = port;
    }

    void next() {
      if (stop) {
        idle.countDown();
        return;
      }
      client
          .request(HttpMethod.POST, port, "127.0.0.1", "/v1/embeddings")
          .onFailure(
              notConnected -> {
                refusedAtConnect.incrementAndGet();
                failures.add("not connected: " + notConnected);
                idle.countDown();
              })
          .onSuccess(
              request ->
                  request
                      .putHeader("Content-Type", "application/json")
                      .send(Buffer.buffer("{\"model\":\"fake-embed\",\"input\":\"drain\"}"))
                      .compose(response -> response.body().map(body -> response))
                      .onComplete(
                          result -> {
                            if (result.succeeded()) {
                              if ("close"
                                  .equalsIgnoreCase(result.result().getHeader("Connection"))) {
                                closeHeaders.incrementAndGet();
                              }
                              if (result.result().statusCode() == 200) {
                                okNanos.add(System.nanoTime());
                              }
                              answered.countDown();
                            } else {
                              withoutResponse.incrementAndGet();
                              failures.add(
                                  result.cause()
                                      + " at "
                                      + (System.nanoTime() - drainStartNanos) / 1_000_000
                                      + " ms into the drain, connection "
                                      + request.connection().hashCode());
                            }
                            next();
                          }));
    }

    long okAfter(long nanos) {
      return okNanos.stream().filter(t -> t > nanos).count();
    }
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
