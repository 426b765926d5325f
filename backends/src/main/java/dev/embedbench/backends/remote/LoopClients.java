package dev.embedbench.backends.remote;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client per event loop, so that a request and its upstream connection share a thread.
 * With a single pool, a connection opened by one event loop served requests from the others, and
 * every such request crossed threads twice (write and response), each crossing a task hand-off and
 * often a wake-up: in the gateway's profile that was a large share of its CPU per request.
 *
 * <p>Every pool may open up to {@code maxConnections}: the target's total in flight is held by the
 * backend's {@link InFlightLimit}, so one busy loop can use all of it. Idle keep-alive connections
 * of different loops may together exceed it until the pools close them. Callers off any event loop
 * (the health probe, tests) use one more pool. Thread-safe; clients are created on first use from
 * their loop.
 */
final class LoopClients {

  private final Vertx vertx;
  private final HttpClientOptions options;
  private final int maxConnectionsPerPool;
  private final HttpClient offLoop;
  private final Map<EventLoop, HttpClient> byLoop = new ConcurrentHashMap<>();
  private volatile boolean closed;

  LoopClients(Vertx vertx, HttpClientOptions options, int maxConnections) {
    this.vertx = vertx;
    this.options = options;
    this.maxConnectionsPerPool = maxConnections;
    this.offLoop = create();
  }

  /** The pool of the calling event loop, or the shared one off any event loop. */
  HttpClient forCaller() {
    Context context = Vertx.currentContext();
    // Once closed, the closed shared client answers: no new pool may outlive close().
    if (closed || !(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
      return offLoop;
    }
    HttpClient client = byLoop.computeIfAbsent(internal.nettyEventLoop(), loop -> create());
    if (closed) {
      client.close();
      return offLoop;
    }
    return client;
  }

  /** The pool for callers off any event loop (the health probe uses it). */
  HttpClient shared() {
    return offLoop;
  }

  void close() {
    closed = true;
    List<HttpClient> all = new ArrayList<>(byLoop.values());
    all.add(offLoop);
    all.forEach(HttpClient::close);
  }

  private HttpClient create() {
    return vertx.createHttpClient(
        new HttpClientOptions(options), new PoolOptions().setHttp1MaxSize(maxConnectionsPerPool));
  }
}
