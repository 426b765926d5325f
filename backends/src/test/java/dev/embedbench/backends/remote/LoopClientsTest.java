package dev.embedbench.backends.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopClientsTest {

  private Vertx vertx;
  private LoopClients clients;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (clients != null) {
      clients.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Two contexts on different event loops; getOrCreate hands them out round-robin. */
  private List<ContextInternal> contextsOnTwoLoops() {
    ContextInternal first = ((VertxInternal) vertx).createEventLoopContext();
    ContextInternal second = ((VertxInternal) vertx).createEventLoopContext();
    while (second.nettyEventLoop() == first.nettyEventLoop()) {
      second = ((VertxInternal) vertx).createEventLoopContext();
    }
    return List.of(first, second);
  }

  private static <T> T on(ContextInternal context, java.util.function.Supplier<T> work)
      throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> result.complete(work.get()));
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  void eachEventLoopHasItsOwnClientAndOffLoopCallersShareOne() throws Exception {
    clients = new LoopClients(vertx, new HttpClientOptions(), 32);
    List<ContextInternal> contexts = contextsOnTwoLoops();
    HttpClient first = on(contexts.get(0), clients::forCaller);
    HttpClient again = on(contexts.get(0), clients::forCaller);
    HttpClient second = on(contexts.get(1), clients::forCaller);
    assertSame(first, again, "the same loop reuses its client");
    assertNotSame(first, second, "another loop gets its own client");
    assertSame(clients.shared(), clients.forCaller(), "a plain thread uses the shared client");
    assertNotSame(clients.shared(), first);
  }

  @Test
  void connectionsStayOnTheirLoopAndEachPoolWithinTheLimit() throws Exception {
    int maxConnections = 2;
    clients = new LoopClients(vertx, new HttpClientOptions().setKeepAlive(true), maxConnections);
    // The server records which client connections (their local ports) served each loop's requests.
    Map<String, Set<Integer>> portsByLoop = new ConcurrentHashMap<>();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  portsByLoop
                      .computeIfAbsent(
                          request.getHeader("X-Loop"), k -> ConcurrentHashMap.newKeySet())
                      .add(request.remoteAddress().port());
                  // Answer a little later so that requests overlap and the pools fill up.
                  vertx.setTimer(5, id -> request.response().end("ok"));
                });
    int port = Loopback.listen(server).actualPort();
    List<ContextInternal> contexts = contextsOnTwoLoops();
    List<Future<?>> all = new ArrayList<>();
    for (int c = 0; c < contexts.size(); c++) {
      String loop = "loop-" + c;
      all.addAll(
          on(
              contexts.get(c),
              () -> {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                  sent.add(
                      clients
                          .forCaller()
                          .request(HttpMethod.GET, port, "127.0.0.1", "/")
                          .compose(request -> request.putHeader("X-Loop", loop).send())
                          .compose(HttpClientResponse::body));
                }
                return sent;
              }));
    }
    Future.all(all).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);

    Set<Integer> first = portsByLoop.get("loop-0");
    Set<Integer> second = portsByLoop.get("loop-1");
    assertTrue(
        first.size() <= maxConnections && second.size() <= maxConnections,
        "each loop's pool holds at most max_connections: " + portsByLoop);
    Set<Integer> shared = new HashSet<>(first);
    shared.retainAll(second);
    assertEquals(Set.of(), shared, "no connection serves two event loops");
    server.close();
  }
}
