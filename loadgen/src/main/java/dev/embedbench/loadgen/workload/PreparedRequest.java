package dev.embedbench.loadgen.workload;

import io.vertx.core.buffer.Buffer;

/**
 * A request body encoded before the run, with what it carries: the inputs and their tokens, counted
 * as the workload's {@link Workload#tokenCounting()} says (estimated, or exact with a tokenizer).
 */
public record PreparedRequest(Buffer body, int inputs, int tokens) {

  public PreparedRequest {
    if (body == null || body.length() == 0) {
      throw new IllegalArgumentException("body must not be empty");
    }
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
    }
    if (tokens < inputs) {
      throw new IllegalArgumentException(
          "tokens must be >= inputs (each input ends with end-of-text), got "
              + tokens
              + " for "
              + inputs
              + " inputs");
    }
  }
}
