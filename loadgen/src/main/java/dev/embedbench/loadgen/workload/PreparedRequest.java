package dev.embedbench.loadgen.workload;

import io.vertx.core.buffer.Buffer;

/** A request body encoded before the run, with what it carries: the inputs and their estimated tokens. */
public record PreparedRequest(Buffer body, int inputs, int estimatedTokens) {

  public PreparedRequest {
    if (body == null || body.length() == 0) {
      throw new IllegalArgumentException("body must not be empty");
    }
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
    }
    if (estimatedTokens < inputs) {
      throw new IllegalArgumentException("estimatedTokens must be >= inputs (each input ends with end-of-text), got "
          + estimatedTokens + " for " + inputs + " inputs");
    }
  }
}
