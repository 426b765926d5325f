package dev.embedbench.backends.remote;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Decides what the client sees when an upstream call fails: the one mapping from upstream statuses
 * and transport failures to OpenAI errors.
 *
 * <ul>
 *   <li>400, 413 and 422 are the client's own mistakes (an input over the upstream's token limit, a
 *       body too large): passed through with the upstream's message, 422 as 400 since OpenAI's API
 *       has no 422.
 *   <li>429 stays 429 and 503 stays 503 (the upstream is busy or loading; retrying is right), with
 *       the upstream's {@code Retry-After}.
 *   <li>408 and 504 become 504.
 *   <li>Every other status (401/403/404 mean the gateway's key, path or model name is wrong, not the
 *       client's; 5xx mean the upstream failed) becomes 502 quoting the upstream.
 *   <li>A refused or unreachable connection becomes 503: the upstream never saw the request, so no
 *       backend was ready to serve it and the caller may retry at once. A connection closed after
 *       the request went out becomes 502, since the upstream may have failed on it.
 *   <li>A timeout becomes 504.
 * </ul>
 */
final class UpstreamErrors {

  private UpstreamErrors() {}

  static ApiException fromStatus(int status, String retryAfterHeader, byte[] body, String upstream) {
    UpstreamMessage upstreamMessage = UpstreamMessage.read(body);
    String quoted = "Upstream " + upstream + " answered " + status + ": " + upstreamMessage.message();
    Duration retryAfter = parseRetryAfter(retryAfterHeader);
    switch (status) {
      case 400, 413, 422 -> {
        String type = upstreamMessage.type() == null || !upstreamMessage.type().endsWith("_error")
            ? "invalid_request_error"
            : upstreamMessage.type();
        return new ApiException(new ApiError(status == 422 ? 400 : status,
            upstreamMessage.message(), type, upstreamMessage.param(), "upstream_rejected_input"));
      }
      case 429 -> {
        return new ApiException(ApiError.overloaded(quoted), retryAfter);
      }
      case 503 -> {
        return new ApiException(
            new ApiError(503, quoted, "server_error", null, "upstream_unavailable"), retryAfter);
      }
      case 408, 504 -> {
        return new ApiException(ApiError.upstreamTimeout(quoted));
      }
      default -> {
        return new ApiException(ApiError.upstream(quoted));
      }
    }
  }

  static ApiException fromTransport(Throwable cause, String upstream, Duration timeout) {
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof TimeoutException) {
      return new ApiException(ApiError.upstreamTimeout(
          "Upstream " + upstream + " did not answer within " + timeout.toMillis() + " ms."));
    }
    if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
      return new ApiException(ApiError.unavailable(
          "Upstream " + upstream + " is unreachable: " + describe(cause)), Duration.ofSeconds(1));
    }
    if (cause instanceof HttpClosedException) {
      return new ApiException(ApiError.upstream(
          "Upstream " + upstream + " closed the connection before answering."));
    }
    return new ApiException(ApiError.upstream(
        "Upstream " + upstream + " failed: " + describe(cause)));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  /** Retry-After in whole seconds; an HTTP date or junk is ignored rather than trusted. */
  private static Duration parseRetryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
