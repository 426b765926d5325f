package dev.embedbench.backends.remote;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the client sees when an upstream call fails: the one mapping from upstream statuses
 * and transport failures to OpenAI errors. Clients get a message of the gateway's own, naming the
 * target and the status class: never the upstream's URL, its text or anything it echoed (an
 * upstream that echoes headers would otherwise hand out the gateway's upstream key). The upstream's
 * own words go to the log, with the key and bearer tokens masked.
 *
 * <ul>
 *   <li>400, 413 and 422 are the client's own mistakes (an input over the upstream's token limit, a
 *       body too large): the status is passed through, 422 as 400 since OpenAI's API has no 422.
 *   <li>429 stays 429 and 503 stays 503 (the upstream is busy or loading; retrying is right), with
 *       the upstream's {@code Retry-After}.
 *   <li>408 and 504 become 504.
 *   <li>Every other status (401/403/404 mean the gateway's key, path or model name is wrong, not
 *       the client's; 5xx mean the upstream failed) becomes 502.
 *   <li>A refused or unreachable connection becomes 503: the upstream never saw the request, so no
 *       backend was ready to serve it and the caller may retry at once. A connection closed after
 *       the request went out becomes 502, since the upstream may have failed on it.
 *   <li>A timeout becomes 504; an answer over the size limit or not an embeddings answer, 502.
 * </ul>
 */
final class UpstreamErrors {

  /** Enough of an error body to log what the upstream said; the rest is not read. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamErrors.class);
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");

  /** Upstream {@code param} values passed on: fields of the client's own request, nothing else. */
  private static final Set<String> REQUEST_FIELDS =
      Set.of("input", "model", "dimensions", "encoding_format", "user");

  private UpstreamErrors() {}

  static ApiException fromStatus(
      int status, String retryAfterHeader, byte[] body, RemoteTarget target) {
    UpstreamMessage upstreamMessage = UpstreamMessage.read(body);
    LOG.warn(
        "Target {} ({}) answered {}: {}",
        target.name(),
        target.root(),
        status,
        masked(upstreamMessage.message(), target.apiKey()));
    String name = target.name();
    Duration retryAfter = parseRetryAfter(retryAfterHeader);
    switch (status) {
      case 400, 413, 422 -> {
        String param =
            upstreamMessage.param() != null && REQUEST_FIELDS.contains(upstreamMessage.param())
                ? upstreamMessage.param()
                : null;
        return new ApiException(
            new ApiError(
                status == 422 ? 400 : status,
                "Target "
                    + name
                    + " rejected the input ("
                    + status
                    + "); check its length and format.",
                "invalid_request_error",
                param,
                "upstream_rejected_input"));
      }
      case 429 -> {
        return new ApiException(
            ApiError.overloaded("Target " + name + " is overloaded (429)."), retryAfter);
      }
      case 503 -> {
        return new ApiException(
            new ApiError(
                503,
                "Target " + name + " is unavailable (503).",
                "server_error",
                null,
                "upstream_unavailable"),
            retryAfter);
      }
      case 408, 504 -> {
        return new ApiException(
            ApiError.upstreamTimeout("Target " + name + " timed out (" + status + ")."));
      }
      default -> {
        return new ApiException(
            ApiError.upstream(
                "Target "
                    + name
                    + " answered with "
                    + (status >= 500
                        ? "a server error (5xx)."
                        : "an error (" + status / 100 + "xx).")));
      }
    }
  }

  /**
   * An answer that is not a usable embeddings response. The parser's reason names no upstream text
   * and is kept for invalid vectors (a client may want to know why); other details go to the log.
   */
  static ApiException invalidAnswer(RemoteTarget target, ApiError parsed) {
    if (ApiError.INVALID_VECTOR_CODE.equals(parsed.code())) {
      LOG.warn(
          "Target {} ({}) sent an invalid vector: {}",
          target.name(),
          target.root(),
          parsed.message());
      return new ApiException(
          ApiError.upstreamInvalidVector(
              "Target "
                  + target.name()
                  + " sent an invalid embedding: "
                  + afterColon(parsed.message())));
    }
    LOG.warn(
        "Target {} ({}) sent an invalid answer: {}",
        target.name(),
        target.root(),
        masked(parsed.message(), target.apiKey()));
    return new ApiException(
        ApiError.upstream("Target " + target.name() + " sent an invalid embeddings response."));
  }

  static ApiException cancelled(String name) {
    return new ApiException(
        ApiError.clientClosed(
            "The client closed the connection; the call to target " + name + " was cancelled."));
  }

  static ApiException fromTransport(Throwable cause, String name, Duration timeout) {
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof TimeoutException) {
      return new ApiException(
          ApiError.upstreamTimeout(
              "Target " + name + " did not answer within " + timeout.toMillis() + " ms."));
    }
    if (cause instanceof CappedBody.TooLarge) {
      LOG.warn("Target {}: {}", name, cause.getMessage());
      return new ApiException(
          ApiError.upstream("Target " + name + " sent an answer over the gateway's size limit."));
    }
    if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
      LOG.warn("Target {} is unreachable: {}", name, describe(cause));
      return new ApiException(
          ApiError.unavailable("Target " + name + " is unreachable."), Duration.ofSeconds(1));
    }
    if (cause instanceof UpstreamClosedException) {
      return new ApiException(
          ApiError.upstream("Target " + name + " closed the connection before answering."));
    }
    LOG.warn("Target {} failed: {}", name, describe(cause));
    return new ApiException(ApiError.upstream("Target " + name + " failed (connection error)."));
  }

  /** The upstream's text with the gateway's key and any bearer token replaced. */
  static String masked(String text, String apiKey) {
    String out = BEARER.matcher(text).replaceAll("Bearer ***");
    return apiKey == null || apiKey.isEmpty() ? out : out.replace(apiKey, "***");
  }

  private static String afterColon(String message) {
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
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
