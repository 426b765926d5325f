package dev.embedbench.backends.wire;

import java.util.Objects;

/**
 * An OpenAI-style error: {@code {"error":{"message","type","param","code"}}} with its HTTP status.
 *
 * @param httpStatus the status to answer with
 * @param message for the caller; never a stack trace, never the input text
 * @param type OpenAI's error type, such as {@code invalid_request_error}
 * @param param the request field at fault, or null
 * @param code a stable machine-readable code, or null
 */
public record ApiError(int httpStatus, String message, String type, String param, String code) {

  /** The code of a 502 for a vector that is non-finite, all zero or off unit length. */
  public static final String INVALID_VECTOR_CODE = "upstream_invalid_vector";

  /** The code of work given up because the client went away (nginx's 499); no client sees it. */
  public static final String CLIENT_CLOSED_CODE = "client_closed";

  public static final int CLIENT_CLOSED_STATUS = 499;

  public ApiError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException(
          "httpStatus must be a 4xx or 5xx status, was " + httpStatus);
    }
  }

  public static ApiError invalidRequest(String message, String param, String code) {
    return new ApiError(400, message, "invalid_request_error", param, code);
  }

  public static ApiError invalidApiKey() {
    return new ApiError(
        401, "Incorrect or missing API key.", "invalid_request_error", null, "invalid_api_key");
  }

  public static ApiError modelNotFound(String model) {
    return new ApiError(
        404,
        "The model '" + model + "' does not exist.",
        "invalid_request_error",
        "model",
        "model_not_found");
  }

  public static ApiError notFound(String path) {
    return new ApiError(
        404, "No such endpoint: " + path, "invalid_request_error", null, "not_found");
  }

  public static ApiError methodNotAllowed(String method, String path) {
    return new ApiError(
        405,
        "Method " + method + " is not allowed on " + path,
        "invalid_request_error",
        null,
        "method_not_allowed");
  }

  public static ApiError bodyTooLarge(long limitBytes) {
    return new ApiError(
        413,
        "Request body is larger than the limit of " + limitBytes + " bytes.",
        "invalid_request_error",
        null,
        "request_too_large");
  }

  public static ApiError overloaded(String message) {
    return new ApiError(429, message, "rate_limit_error", null, "overloaded");
  }

  public static ApiError upstream(String message) {
    return new ApiError(502, message, "server_error", null, "upstream_error");
  }

  /**
   * An upstream answered with a vector no client should get: non-finite, all zero or off unit
   * length.
   */
  public static ApiError upstreamInvalidVector(String message) {
    return new ApiError(502, message, "server_error", null, INVALID_VECTOR_CODE);
  }

  public static ApiError clientClosed(String message) {
    return new ApiError(
        CLIENT_CLOSED_STATUS, message, "invalid_request_error", null, CLIENT_CLOSED_CODE);
  }

  public static ApiError unavailable(String message) {
    return new ApiError(503, message, "server_error", null, "no_ready_backend");
  }

  public static ApiError upstreamTimeout(String message) {
    return new ApiError(504, message, "server_error", null, "upstream_timeout");
  }

  public static ApiError internal() {
    return new ApiError(500, "Internal server error.", "server_error", null, "internal_error");
  }
}
