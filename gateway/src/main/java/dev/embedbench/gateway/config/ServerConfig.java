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
 * @param shutdownDeadline how long a graceful shutdown waits for in-flight requests
 * @param accessLog whether one line per request is logged
 */
public record ServerConfig(
    String host, int port, List<String> apiKeys, long maxBodyBytes, Duration shutdownDeadline,
    boolean accessLog) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  /** 2048 inputs of a few thousand characters each fit; larger bodies are a mistake or an attack. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
  public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(10);

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
  }

  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_HOST, DEFAULT_PORT, List.of(), DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_DEADLINE, true);
  }

  /** A copy listening on another port, for {@code serve --port}. */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, apiKeys, maxBodyBytes, shutdownDeadline, accessLog);
  }

  /** Keeps keys out of logs and exception messages. */
  @Override
  public String toString() {
    return "ServerConfig[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size()
        + " configured, maxBodyBytes=" + maxBodyBytes + ", shutdownDeadline=" + shutdownDeadline
        + ", accessLog=" + accessLog + "]";
  }
}
