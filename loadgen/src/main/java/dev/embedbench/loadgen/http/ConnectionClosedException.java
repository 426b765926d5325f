package dev.embedbench.loadgen.http;

import java.io.IOException;

/** The server closed the connection while a request on it had no complete response. */
public final class ConnectionClosedException extends IOException {

  public ConnectionClosedException() {
    super("connection closed by the server before the response ended");
  }
}
