package dev.embedbench.backends.wire;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure that is the caller's to see, as an {@link ApiError}. Thrown by parsers and used to fail
 * backend futures; the gateway renders it in its one failure handler.
 */
public final class ApiException extends RuntimeException {

  private final ApiError error;
  private final Duration retryAfter;

  public ApiException(ApiError error) {
    this(error, null);
  }

  /**
   * @param retryAfter sent as {@code Retry-After} (whole seconds, rounded up); null for none
   */
  public ApiException(ApiError error, Duration retryAfter) {
    super(error.message(), null, false, false);
    this.error = Objects.requireNonNull(error, "error");
    this.retryAfter = retryAfter;
  }

  public ApiError error() {
    return error;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public static ApiException invalid(String message, String param) {
    return new ApiException(ApiError.invalidRequest(message, param, null));
  }
}
