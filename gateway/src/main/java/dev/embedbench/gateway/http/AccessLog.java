package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.gateway.metrics.RequestRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the SLF4J logger {@code embedbench.access}. It carries only bounded,
 * configured names and numbers: never the input text, never the API key.
 */
final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("embedbench.access");

  private final boolean enabled;

  AccessLog(boolean enabled) {
    this.enabled = enabled;
  }

  void log(String method, RequestRecord request) {
    if (!enabled || !LOG.isInfoEnabled()) {
      return;
    }
    LOG.info(
        "method={} path={} route={} target={} kind={} status={} outcome={} latencyMicros={} inputs={}"
            + " tokens={}",
        method,
        request.path(),
        request.model(),
        request.target(),
        request.kind(),
        request.status(),
        outcome(request.status()),
        request.latencyNanos() / 1_000,
        request.inputs(),
        request.promptTokens());
  }

  /** What the status means in one word; 499 is nginx's code for a client that closed first. */
  static String outcome(int status) {
    if (status == ApiError.CLIENT_CLOSED_STATUS) {
      return ApiError.CLIENT_CLOSED_CODE;
    }
    return status < 400 ? "ok" : status < 500 ? "client_error" : "server_error";
  }
}
