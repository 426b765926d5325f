package dev.embedbench.gateway.routing;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import java.util.Objects;

/**
 * What the gateway answered and how: the response to send and the labels the HTTP layer logs and
 * records.
 *
 * @param response vectors already truncated to the requested dimensions, in input order, with the
 *     model name to report
 * @param route the route's name (not the alias the client used)
 * @param target the target that answered
 * @param kind where the vectors came from
 * @param inputs number of inputs
 * @param promptTokens tokens the backends reported
 */
public record EmbeddingsOutcome(
    EmbeddingsResponse response,
    String route,
    String target,
    BackendKind kind,
    int inputs,
    int promptTokens) {

  public EmbeddingsOutcome {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    if (inputs != response.vectors().size()) {
      throw new IllegalArgumentException(
          "inputs must equal the number of vectors ("
              + response.vectors().size()
              + "), was "
              + inputs);
    }
  }
}
