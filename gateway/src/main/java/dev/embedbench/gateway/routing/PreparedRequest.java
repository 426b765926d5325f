package dev.embedbench.gateway.routing;

import dev.embedbench.backends.EmbeddingInput;
import java.util.List;

/**
 * A request checked against its route: inputs as the backends get them (instruction applied) and
 * the Matryoshka size to cut the answers to.
 *
 * @param inputs in order
 * @param dimensions the size to truncate to, or null for the full vectors
 */
record PreparedRequest(List<EmbeddingInput> inputs, Integer dimensions) {
  PreparedRequest {
    inputs = List.copyOf(inputs);
  }
}
