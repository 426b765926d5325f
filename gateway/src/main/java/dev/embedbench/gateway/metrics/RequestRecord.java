package dev.embedbench.gateway.metrics;

import java.util.Objects;

/**
 * One finished API request as metrics and the access log see it.
 *
 * @param path the endpoint template ({@code /v1/embeddings}) or {@code unmatched}
 * @param model the route that served it, or {@code none}/{@code unknown}; never raw client text
 * @param target the target that answered, or {@code none}
 * @param kind in-process, remote or emulated, or {@code none}
 * @param status the HTTP status sent
 * @param latencyNanos from the first handler to the end of the response
 * @param inputs inputs served (0 when it failed)
 * @param promptTokens prompt tokens reported for it (0 when it failed)
 */
public record RequestRecord(
    String path,
    String model,
    String target,
    String kind,
    int status,
    long latencyNanos,
    int inputs,
    int promptTokens) {

  public RequestRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("latencyNanos must be >= 0, was " + latencyNanos);
    }
  }
}
