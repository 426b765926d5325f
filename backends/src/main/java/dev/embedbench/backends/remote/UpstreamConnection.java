package dev.embedbench.backends.remote;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive HTTP/1.1 connection to an upstream, carrying one exchange at a time: it writes a
 * call's request, reads the answer's head and its body into a {@link CappedBody}, and hands the
 * connection back to its {@link UpstreamPool} when the answer is complete and the server keeps the
 * connection open. Everything runs on the connection's event loop.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

  /** Called once per exchange, on the event loop: the answer, or why there is none. */
  interface Listener {
    void answered(UpstreamAnswer answer);

    void failed(Throwable cause);
  }

  private final UpstreamPool pool;

  /** When it was last handed back to its pool; the pool's own bookkeeping. */
  long idleSinceNanos;

  private Channel channel;
  private Listener listener;
  private long successLimitBytes;
  private int status;
  private String retryAfter;
  private boolean keepAlive;
  private CappedBody body;

  UpstreamConnection(UpstreamPool pool) {
    this.pool = pool;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  boolean usable() {
    return listener == null && channel.isActive();
  }

  /** Writes a request; {@code listener} hears of its answer or failure, exactly once. */
  void send(byte[] requestBody, long successLimitBytes, Listener listener) {
    this.listener = listener;
    this.successLimitBytes = successLimitBytes;
    this.body = null;
    channel
        .writeAndFlush(pool.requests().encode(channel.alloc(), requestBody))
        .addListener(
            written -> {
              if (!written.isSuccess()) {
                fail(written.cause());
              }
            });
  }

  /** Ends the exchange without an answer (deadline, client gone): the connection is closed. */
  void abort() {
    listener = null;
    discard();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (listener == null) {
        // Bytes nobody asked for (an answer after an abort, or unsolicited): the framing is lost.
        discard();
      } else if (((HttpObject) msg).decoderResult().isFailure()) {
        fail(new UpstreamClosedException("malformed HTTP answer"));
      } else {
        read(msg);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void read(Object msg) {
    if (msg instanceof HttpResponse head) {
      status = head.status().code();
      retryAfter = head.headers().get(HttpHeaderNames.RETRY_AFTER);
      keepAlive = HttpUtil.isKeepAlive(head);
      boolean success = status / 100 == 2;
      long limit = success ? successLimitBytes : UpstreamErrors.MAX_ERROR_BODY_BYTES;
      long declared = HttpUtil.getContentLength(head, -1L);
      CappedBody.TooLarge refused = CappedBody.refuse(declared, limit, !success);
      if (refused != null) {
        fail(refused);
        return;
      }
      body = new CappedBody(limit, !success, declared);
    }
    if (msg instanceof HttpContent content && body != null) {
      if (!body.append(content.content())) {
        CappedBody.TooLarge overflow = body.overflow();
        if (overflow != null) {
          fail(overflow);
        } else {
          // An error answer's prefix is enough to quote; the rest is not read.
          finish(false);
        }
        return;
      }
      if (content instanceof LastHttpContent) {
        finish(keepAlive);
      }
    }
  }

  private void finish(boolean reusable) {
    Listener done = listener;
    listener = null;
    UpstreamAnswer answer = new UpstreamAnswer(status, retryAfter, body.bytes());
    body = null;
    if (reusable) {
      pool.release(this);
    } else {
      discard();
    }
    done.answered(answer);
  }

  private void fail(Throwable cause) {
    Listener done = listener;
    listener = null;
    body = null;
    discard();
    if (done != null) {
      done.failed(cause);
    }
  }

  private void discard() {
    pool.discard(this);
    channel.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    pool.discard(this);
    if (listener != null) {
      fail(new UpstreamClosedException("the upstream closed the connection"));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause);
  }
}
