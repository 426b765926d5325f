package dev.embedbench.gateway.http;

import dev.embedbench.gateway.config.ServerTransport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Vert.x instance that serves gateway traffic, so that every embedder ({@code serve},
 * {@code compare}) gets the same transport. The native one (epoll, whose library the gateway ships
 * for Linux x86_64) costs 2-5% less CPU per request than NIO in {@code bench/gateway-ab}; where it
 * cannot load, Vert.x falls back to NIO and the reason is logged.
 */
public final class GatewayVertx {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVertx.class);

  private GatewayVertx() {}

  /** A new Vert.x asking for {@code transport}; logs one line saying which one it got and why. */
  public static Vertx create(ServerTransport transport) {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions().setPreferNativeTransport(transport == ServerTransport.NATIVE));
    LOG.info("Gateway network transport: {}", describeTransport(vertx));
    return vertx;
  }

  /**
   * The transport {@code vertx} uses and why, for logs and the banner: {@code epoll (native)},
   * {@code nio (native transport unavailable: ...)} or {@code nio (native transport not asked
   * for)}.
   */
  public static String describeTransport(Vertx vertx) {
    if (vertx.isNativeTransportEnabled()) {
      // With preferNativeTransport Vert.x takes the first native transport that loads.
      return Transport.nativeTransport().name() + " (native)";
    }
    Throwable cause = vertx.unavailableNativeTransportCause();
    if (cause == null) {
      return "nio (native transport not asked for)";
    }
    return "nio (native transport unavailable: " + cause + ")";
  }
}
