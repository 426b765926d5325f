package dev.embedbench.gateway.http;

import io.vertx.core.buffer.Buffer;
import java.io.OutputStream;

/** Appends what is written to a Vert.x buffer, so that an encoder writes into what is sent. */
final class BufferOutputStream extends OutputStream {

  private final Buffer buffer;

  BufferOutputStream(Buffer buffer) {
    this.buffer = buffer;
  }

  @Override
  public void write(int b) {
    buffer.appendByte((byte) b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    buffer.appendBytes(bytes, offset, length);
  }
}
