package dev.embedbench.loadgen.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeoutException;

/**
 * One keep-alive connection: at most one request in flight (no pipelining), its response handed to
 * that request's listener as Netty's decoder produces it. When the response ends the connection
 * goes back to its pool, unless the server asked to close it. Runs on the pool's event loop.
 */
final class Http1Connection extends ChannelInboundHandlerAdapter {

  private final Http1Pool pool;
  private Channel channel;
  private ResponseListener listener;
  private long deadlineNanos;
  private boolean keepAlive;
  private boolean closed;

  Http1Connection(Http1Pool pool) {
    this.pool = pool;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // Set here, not in channelActive: the connect future, which hands the connection out, completes
    // first.
    channel = ctx.channel();
  }

  /** Writes {@code request} (released once written); the response goes to {@code listener}. */
  void send(ByteBuf request, ResponseListener listener, long deadlineNanos) {
    this.listener = listener;
    this.deadlineNanos = deadlineNanos;
    listener.sending();
    channel.writeAndFlush(request, channel.voidPromise());
  }

  /**
   * Past its deadline with no complete response: fails the request and closes the connection, whose
   * late answer would otherwise be read as the next request's.
   */
  void expireIfLate(long nowNanos, long timeoutNanos) {
    if (listener != null && nowNanos - deadlineNanos >= 0) {
      fail(new TimeoutException("no complete response within " + timeoutNanos / 1_000_000 + " ms"));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    try {
      if (listener == null) {
        fail(
            new MalformedResponseException(
                "bytes from the server with no request in flight", null));
        return;
      }
      HttpObject object = (HttpObject) message;
      if (object.decoderResult().isFailure()) {
        fail(
            new MalformedResponseException(
                "malformed HTTP response: " + object.decoderResult().cause(),
                object.decoderResult().cause()));
        return;
      }
      if (object instanceof HttpResponse response) {
        keepAlive = HttpUtil.isKeepAlive(response);
        listener.status(response.status().code());
      }
      if (object instanceof HttpContent content) {
        if (content.content().isReadable()) {
          listener.content(content.content());
        }
        if (content instanceof LastHttpContent) {
          ResponseListener finished = listener;
          listener = null;
          if (keepAlive) {
            pool.release(this);
          } else {
            close();
          }
          finished.end();
        }
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!closed) {
      closed = true;
      pool.closed(this);
    }
    ResponseListener abandoned = listener;
    listener = null;
    if (abandoned != null) {
      abandoned.failed(new ConnectionClosedException());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause);
  }

  /** Fails the request in flight, if any, and closes the connection. */
  void fail(Throwable cause) {
    ResponseListener failed = listener;
    listener = null;
    close();
    if (failed != null) {
      failed.failed(cause);
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      pool.closed(this);
      if (channel != null) {
        channel.close();
      }
    }
  }
}
