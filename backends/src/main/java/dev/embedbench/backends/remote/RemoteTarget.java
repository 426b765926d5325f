package dev.embedbench.backends.remote;

import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.wire.VectorCheck;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one OpenAI-compatible embeddings server.
 *
 * @param name how errors shown to clients name it (the gateway's target name): never the URL
 * @param baseUrl the server's base URL, with or without a trailing {@code /v1} (both {@code
 *     http://host:30000} and {@code http://host:30000/v1} reach {@code /v1/embeddings})
 * @param upstreamModel the model name to send upstream, which may differ from the route's name
 * @param apiKey sent as a bearer token, or null for none
 * @param timeout the longest one embeddings call may take, pool wait included
 * @param maxConnections the size of the keep-alive connection pool
 * @param healthPath the readiness probe's path under the server root, such as {@code /health}
 * @param info what the server serves; its kind is {@code remote} for real servers and {@code
 *     emulated} for an emulator reached over HTTP, so figures stay labelled by what produced them
 * @param vectorCheck what every vector it returns must satisfy
 */
public record RemoteTarget(
    String name,
    URI baseUrl,
    String upstreamModel,
    String apiKey,
    Duration timeout,
    int maxConnections,
    String healthPath,
    ModelInfo info,
    VectorCheck vectorCheck) {

  /** A target named {@code upstream} whose vectors must be finite and not all zero. */
  public RemoteTarget(
      URI baseUrl,
      String upstreamModel,
      String apiKey,
      Duration timeout,
      int maxConnections,
      String healthPath,
      ModelInfo info) {
    this(
        "upstream",
        baseUrl,
        upstreamModel,
        apiKey,
        timeout,
        maxConnections,
        healthPath,
        info,
        VectorCheck.FINITE_NONZERO);
  }

  public RemoteTarget {
    Objects.requireNonNull(vectorCheck, "vectorCheck");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(info, "info");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL, was " + baseUrl);
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must name a host, was " + baseUrl);
    }
    if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
      throw new IllegalArgumentException("baseUrl must have no query or fragment, was " + baseUrl);
    }
    if (upstreamModel == null || upstreamModel.isBlank()) {
      throw new IllegalArgumentException("upstreamModel must not be blank");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
    }
    if (healthPath == null || !healthPath.startsWith("/")) {
      throw new IllegalArgumentException("healthPath must start with '/', was " + healthPath);
    }
  }

  /** The server root: the base URL without a trailing slash or {@code /v1}. */
  public String root() {
    String url = baseUrl.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url.endsWith("/v1") ? url.substring(0, url.length() - 3) : url;
  }

  public String embeddingsUrl() {
    return root() + "/v1/embeddings";
  }

  public String healthUrl() {
    return root() + healthPath;
  }
}
