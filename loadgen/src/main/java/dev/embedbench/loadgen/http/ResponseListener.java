package dev.embedbench.loadgen.http;

import io.netty.buffer.ByteBuf;

/**
 * One request's view of its exchange, called on the pool's event loop in this order: {@link
 * #sending} once a connection is free and the request is about to be written, {@link #status} when
 * the response's head is in, {@link #content} for each piece of the body, then {@link #end}. {@link
 * #failed} may come at any point instead of what remains, and is final. Exactly one of {@link #end}
 * and {@link #failed} is called.
 */
public interface ResponseListener {

  /** A connection is the request's; the request's bytes are written next. */
  void sending();

  void status(int statusCode);

  /** A piece of the body, valid only during the call: the caller releases it afterwards. */
  void content(ByteBuf piece);

  void end();

  void failed(Throwable cause);
}
