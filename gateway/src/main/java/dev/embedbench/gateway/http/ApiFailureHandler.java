package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.ErrorBody;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure becomes a response: the OpenAI error envelope with its status, and {@code
 * Retry-After} for 429. {@link ApiException}s are shown as they are; router-level failures (no
 * route: 404, wrong method: 405, body limit: 413) get their own envelope; a request that could not
 * be read to its end closes its connection; anything else is a bug, logged here with its stack
 * trace and answered with a plain 500 envelope.
 */
final class ApiFailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ApiFailureHandler.class);

  private final long maxBodyBytes;

  ApiFailureHandler(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // Half a response cannot be turned into an error; closing tells the client it is incomplete.
      ctx.request().connection().close();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure != null && !(failure instanceof ApiException) && !ctx.request().isEnded()) {
      // The request could not be read to its end (a broken chunk size, a connection lost mid-body):
      // its framing is gone, so nothing can answer it. One line, no stack trace; closing the
      // connection records the request as client_closed (499).
      LOG.warn(
          "Request {} {} could not be read: {}",
          ctx.request().method(),
          ctx.normalizedPath(),
          failure.toString());
      ctx.request().connection().close();
      return;
    }
    ApiError error;
    Duration retryAfter = null;
    if (failure instanceof ApiException api) {
      error = api.error();
      retryAfter = api.retryAfter().orElse(null);
    } else {
      error = fromStatus(ctx);
    }
    response.setStatusCode(error.httpStatus()).putHeader("Content-Type", "application/json");
    if (retryAfter != null) {
      response.putHeader("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
    }
    response.end(Buffer.buffer(ErrorBody.encode(error)));
  }

  private ApiError fromStatus(RoutingContext ctx) {
    int status = ctx.statusCode();
    switch (status) {
      case 404:
        return ApiError.notFound(ctx.normalizedPath());
      case 405:
        return ApiError.methodNotAllowed(ctx.request().method().name(), ctx.normalizedPath());
      case 413:
        return ApiError.bodyTooLarge(maxBodyBytes);
      case 400:
        return ApiError.invalidRequest("The request could not be read.", null, null);
      default:
        if (status > 400 && status < 500) {
          return new ApiError(
              status, "The request was rejected.", "invalid_request_error", null, null);
        }
        LOG.error(
            "Unexpected failure serving {} {}",
            ctx.request().method(),
            ctx.normalizedPath(),
            ctx.failure());
        return ApiError.internal();
    }
  }

  /** Whole seconds, rounded up and at least 1, as HTTP's delay-seconds form requires. */
  static long retryAfterSeconds(Duration retryAfter) {
    long millis = Math.max(1, retryAfter.toMillis());
    return (millis + 999) / 1000;
  }
}
