package dev.embedbench.backends.remote;

/** The upstream closed the connection (or broke HTTP/1.1) before its answer was complete. */
final class UpstreamClosedException extends RuntimeException {
  UpstreamClosedException(String message) {
    super(message, null, false, false);
  }
}
