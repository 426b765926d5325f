package dev.embedbench.gateway.routing;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;

/**
 * How one upstream attempt ended, which decides failover, the circuit breaker and the {@code
 * outcome} tag. Failover happens on connection errors, 5xx (an invalid vector included) and
 * timeouts, and on an overloaded target (429), which is the same situation as the gateway's own
 * concurrency limit; never on other 4xx, which would fail the same way anywhere, nor once the
 * client has gone.
 */
enum AttemptOutcome {
  SUCCESS("success", false),
  CLIENT_ERROR("client_error", false),
  OVERLOADED("overloaded", true),
  TIMEOUT("timeout", true),
  SERVER_ERROR("server_error", true),
  /** A vector that was non-finite, all zero or off unit length: a 502 of its own, to be seen. */
  INVALID_VECTOR("invalid_vector", true),
  /** Given up because the client went away; says nothing about the target. */
  CLIENT_CLOSED("client_closed", false);

  private final String tag;
  private final boolean failover;

  AttemptOutcome(String tag, boolean failover) {
    this.tag = tag;
    this.failover = failover;
  }

  String tag() {
    return tag;
  }

  boolean failover() {
    return failover;
  }

  /** Counts against the target's health (the breaker), as opposed to the caller's fault or load. */
  boolean targetFailure() {
    return this == TIMEOUT || this == SERVER_ERROR || this == INVALID_VECTOR;
  }

  static AttemptOutcome of(ApiException failure) {
    if (ApiError.INVALID_VECTOR_CODE.equals(failure.error().code())) {
      return INVALID_VECTOR;
    }
    if (ApiError.CLIENT_CLOSED_CODE.equals(failure.error().code())) {
      return CLIENT_CLOSED;
    }
    int status = failure.error().httpStatus();
    if (status == 429) {
      return OVERLOADED;
    }
    if (status == 504) {
      return TIMEOUT;
    }
    return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
  }

  /** Any failure as the ApiException to show the caller; anything else is a bug, shown as 500. */
  static ApiException asApiException(Throwable failure) {
    if (failure instanceof ApiException api) {
      return api;
    }
    return new ApiException(ApiError.internal());
  }
}
