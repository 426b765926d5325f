package dev.embedbench.loadgen.http;

import java.io.IOException;

/**
 * Bytes from the server that are not an HTTP/1.1 response (or come when no request is in flight).
 */
public final class MalformedResponseException extends IOException {

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
