package dev.embedbench.backends.remote;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * A target's connections, one {@link UpstreamPool} per event loop, so that a call and its upstream
 * connection share a thread: no hand-off between threads on the way out or back. The connections
 * are plain Netty channels on Vert.x's own loops and transport (epoll where Vert.x uses it), with
 * Vert.x's name resolver, so a host name never blocks a loop. {@code https} URLs get TLS with the
 * JVM's trust store and host name verification.
 */
final class UpstreamPools {

  /** Idle connections are closed after this, as Vert.x's HTTP client did by default. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final Bootstrap template;
  private final InetSocketAddress address;
  private final SslContext tls;
  private final UpstreamRequests requests;
  private final Duration callTimeout;
  private final Duration idleTimeout;
  private final Map<EventLoop, UpstreamPool> byLoop = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param callTimeout the longest one call may take, from its start to its answer's last byte
   */
  UpstreamPools(
      Vertx vertx,
      URI embeddingsUrl,
      String apiKey,
      Duration connectTimeout,
      Duration callTimeout) {
    this(vertx, embeddingsUrl, apiKey, connectTimeout, callTimeout, IDLE_TIMEOUT);
  }

  /**
   * @param idleTimeout how long a connection may stay idle before it is closed
   */
  UpstreamPools(
      Vertx vertx,
      URI embeddingsUrl,
      String apiKey,
      Duration connectTimeout,
      Duration callTimeout,
      Duration idleTimeout) {
    this.callTimeout = callTimeout;
    this.idleTimeout = idleTimeout;
    VertxInternal internal = (VertxInternal) vertx;
    boolean secure = "https".equals(embeddingsUrl.getScheme());
    int port = embeddingsUrl.getPort() >= 0 ? embeddingsUrl.getPort() : secure ? 443 : 80;
    this.address = InetSocketAddress.createUnresolved(embeddingsUrl.getHost(), port);
    this.tls = secure ? clientTls() : null;
    this.requests = new UpstreamRequests(embeddingsUrl, apiKey);
    this.template =
        new Bootstrap()
            .channelFactory(internal.transport().channelFactory(false))
            .resolver(internal.nameResolver().nettyAddressResolverGroup())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
  }

  /** The pool of {@code loop}; once closed, a closed pool that refuses every call. */
  UpstreamPool forLoop(EventLoop loop) {
    // A plain read first: every call asks, and a loop's pool exists from its first call on.
    UpstreamPool pool = byLoop.get(loop);
    if (pool == null) {
      pool =
          byLoop.computeIfAbsent(
              loop,
              l -> new UpstreamPool(l, template, address, tls, requests, callTimeout, idleTimeout));
    }
    if (closed) {
      pool.close();
    }
    return pool;
  }

  void close() {
    closed = true;
    List<UpstreamPool> all = new ArrayList<>(byLoop.values());
    all.forEach(UpstreamPool::close);
  }

  private static SslContext clientTls() {
    try {
      return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
    } catch (SSLException e) {
      throw new IllegalStateException(
          "could not set up TLS for the upstream: " + e.getMessage(), e);
    }
  }
}
