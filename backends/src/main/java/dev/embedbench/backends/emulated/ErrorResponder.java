package dev.embedbench.backends.emulated;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.ErrorBody;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure of the emulated server as an OpenAI error envelope; never a stack trace.
 */
final class ErrorResponder implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

  private final long bodyLimitBytes;

  ErrorResponder(long bodyLimitBytes) {
    this.bodyLimitBytes = bodyLimitBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Throwable failure = ctx.failure();
    ApiException api = failure instanceof ApiException e ? e : null;
    ApiError error;
    if (api != null) {
      error = api.error();
    } else if (ctx.statusCode() == 413) {
      error = ApiError.bodyTooLarge(bodyLimitBytes);
    } else if (ctx.statusCode() == 404) {
      error = ApiError.notFound(ctx.request().path());
    } else if (ctx.statusCode() == 405) {
      error = ApiError.methodNotAllowed(ctx.request().method().name(), ctx.request().path());
    } else {
      if (failure != null) {
        LOG.error("Emulated server failed on {}", ctx.request().path(), failure);
      }
      error = ApiError.internal();
    }
    if (api != null && api.retryAfter().isPresent()) {
      long millis = api.retryAfter().get().toMillis();
      ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (millis + 999) / 1000)));
    }
    ctx.response()
        .setStatusCode(error.httpStatus())
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(ErrorBody.encode(error)));
  }
}
