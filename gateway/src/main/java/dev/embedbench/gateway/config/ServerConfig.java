package dev.embedbench.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the gateway listens.
 *
 * @param host address to bind; loopback unless the operator says otherwise
 * @param port TCP port; 0 picks a free one
 * @param apiKeys accepted bearer tokens, already resolved from {@code ${ENV_VAR}} references; empty
 *     means no authentication. Never log them.
 * @param maxBodyBytes requests with a larger body get 413
 * @param shutdownDeadline how long a graceful shutdown waits for in-flight requests once it has
 *     stopped accepting; requests still running then are answered 503
 * @param accessLog whether one line per request is logged
 * @param idleTimeout a client connection with no request in progress (not even the first bytes of
 *     one) is closed after this
 * @param requestReadTimeout the most a client may take from the first byte of a request to the last
 *     byte of its body (headers included); a slower one is cut
 * @param maxConnections client connections open at once; further ones are closed as they are
 *     accepted
 * @param drainDelay after a shutdown signal, how long the server keeps serving (with {@code /ready}
 *     503 and {@code Connection: close}) before it stops accepting
 * @param transport the network transport to ask Vert.x for; the native one falls back to NIO where
 *     it cannot load
 */
public record ServerConfig(
    String host,
    int port,
    List<String> apiKeys,
    long maxBodyBytes,
    Duration shutdownDeadline,
    boolean accessLog,
    Duration idleTimeout,
    Duration requestReadTimeout,
    int maxConnections,
    Duration drainDelay,
    ServerTransport transport) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  /**
   * 2048 inputs of a few thousand characters each fit; larger bodies are a mistake or an attack.
   */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(10);

  /**
   * Longer than common client pools keep idle connections (30-60 s), so the client closes first.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(75);

  /**
   * A 16 MiB body at 1 MB/s fits; a client dribbling its headers is cut well before idle sockets.
   */
  public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Below the usual 20,000-65,536 file descriptors, with room for upstream connections and files.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /**
   * Two or three readiness probe periods of a load balancer, so it sees the 503 before the close.
   */
  public static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(5);

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    apiKeys = List.copyOf(apiKeys);
    Objects.requireNonNull(shutdownDeadline, "shutdownDeadline");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
    }
    if (shutdownDeadline.isNegative()) {
      throw new IllegalArgumentException("shutdownDeadline must not be negative");
    }
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(requestReadTimeout, "requestReadTimeout");
    Objects.requireNonNull(drainDelay, "drainDelay");
    if (drainDelay.isNegative()) {
      throw new IllegalArgumentException("drainDelay must not be negative");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
    }
    Objects.requireNonNull(transport, "transport");
  }

  /**
   * For a gateway embedded in another process (comparison runs, tests): the client limits at their
   * defaults, no drain delay, since no load balancer probes it, and the native transport.
   */
  public ServerConfig(
      String host,
      int port,
      List<String> apiKeys,
      long maxBodyBytes,
      Duration shutdownDeadline,
      boolean accessLog) {
    this(
        host,
        port,
        apiKeys,
        maxBodyBytes,
        shutdownDeadline,
        accessLog,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_REQUEST_READ_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS,
        Duration.ZERO,
        ServerTransport.NATIVE);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be longer than zero");
    }
  }

  /** What a gateway file without a {@code server} section gets. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        List.of(),
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_SHUTDOWN_DEADLINE,
        true,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_REQUEST_READ_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_DRAIN_DELAY,
        ServerTransport.NATIVE);
  }

  /** A copy listening on another port, for {@code serve --port}. */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        host,
        newPort,
        apiKeys,
        maxBodyBytes,
        shutdownDeadline,
        accessLog,
        idleTimeout,
        requestReadTimeout,
        maxConnections,
        drainDelay,
        transport);
  }

  /** A copy with other client limits (tests, and embedders that build the config in code). */
  public ServerConfig withClientLimits(
      Duration newIdleTimeout, Duration newRequestReadTimeout, int newMaxConnections) {
    return new ServerConfig(
        host,
        port,
        apiKeys,
        maxBodyBytes,
        shutdownDeadline,
        accessLog,
        newIdleTimeout,
        newRequestReadTimeout,
        newMaxConnections,
        drainDelay,
        transport);
  }

  /** A copy with another drain delay. */
  public ServerConfig withDrainDelay(Duration newDrainDelay) {
    return new ServerConfig(
        host,
        port,
        apiKeys,
        maxBodyBytes,
        shutdownDeadline,
        accessLog,
        idleTimeout,
        requestReadTimeout,
        maxConnections,
        newDrainDelay,
        transport);
  }

  /** Keeps keys out of logs and exception messages. */
  @Override
  public String toString() {
    return "ServerConfig[host="
        + host
        + ", port="
        + port
        + ", apiKeys="
        + apiKeys.size()
        + " configured, maxBodyBytes="
        + maxBodyBytes
        + ", shutdownDeadline="
        + shutdownDeadline
        + ", accessLog="
        + accessLog
        + ", idleTimeout="
        + idleTimeout
        + ", requestReadTimeout="
        + requestReadTimeout
        + ", maxConnections="
        + maxConnections
        + ", drainDelay="
        + drainDelay
        + ", transport="
        + transport
        + "]";
  }
}
