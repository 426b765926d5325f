package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ErrorBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ShutdownEvent;
import java.util.concurrent.TimeUnit;

/**
 * One client connection's place in the request cycle, watched from two points of its Netty
 * pipeline: raw bytes at the head (the first byte of a request: idle ends, the read deadline
 * starts) and decoded HTTP messages next to Vert.x's handler (the request's end, the response's
 * start and end). Every field is touched only on the connection's event loop.
 *
 * <p>Idle: no request in progress; closed after {@code idle_timeout}. Reading: from a request's
 * first byte to the end of its body; cut after {@code request_read_timeout} (with a 408 envelope
 * once its headers are in and nothing has been answered). Responding: the request is in, its
 * response is not out; no client deadline (the targets' timeouts bound it). A request pipelined
 * behind another is not told apart from it: after the first response it counts as idle time,
 * bounded by idle_timeout.
 */
final class ClientConnection {

  /** Vert.x's HTTP/1.x handler, after its decoder and encoder: what passes here is decoded. */
  private static final String VERTX_HANDLER = "handler";

  private static final ApiError READ_TIMEOUT =
      new ApiError(
          408,
          "The request was not received within the server's request_read_timeout.",
          "invalid_request_error",
          null,
          "request_timeout");
  private static final ApiError SHUTTING_DOWN =
      new ApiError(
          503,
          "The server is shutting down and could not finish this request; retry it.",
          "server_error",
          null,
          "shutting_down");

  private final Channel channel;
  private final ClientConnections owner;
  private ChannelHandlerContext messages;
  private boolean reading;
  private boolean responding;
  private boolean headReceived;
  private boolean responseStarted;

  /** The status this layer answered the dispatched request with, or 0 when Vert.x answered it. */
  private int answeredBelowStatus;

  /** The request Vert.x is serving on this connection, until its response has been written. */
  private HttpServerRequest dispatched;

  /** Vert.x's shutdown signal, held back while a request may still be on its way (see below). */
  private Object heldShutdown;

  /** When the current phase began: idle since, or reading since. */
  private long phaseStartNanos;

  ClientConnection(Channel channel, ClientConnections owner, long nowNanos) {
    this.channel = channel;
    this.owner = owner;
    this.phaseStartNanos = nowNanos;
    channel.pipeline().addFirst("embedbench-client-bytes", new Bytes());
    channel.pipeline().addBefore(VERTX_HANDLER, "embedbench-client-messages", new Messages());
  }

  /**
   * Vert.x hands a request to the router. Normally {@link Messages} has seen it already; but Vert.x
   * may call its connection handler (which installs the watchers) after the first request of a
   * connection was read, and that request must not look idle. Its body then has no read deadline.
   */
  void requestDispatched(HttpServerRequest request) {
    dispatched = request;
    if (!responding) {
      responding = true;
      headReceived = true;
      reading = false;
    }
  }

  /** Called by the sweep on the event loop; cuts the connection when its phase has run too long. */
  boolean expired(long nowNanos) {
    if (reading) {
      return nowNanos - phaseStartNanos >= owner.requestReadTimeoutNanos();
    }
    return !responding && nowNanos - phaseStartNanos >= owner.idleTimeoutNanos();
  }

  void expire() {
    owner.countTimeout();
    if (reading && headReceived && !responseStarted) {
      answerAndClose(READ_TIMEOUT, HttpResponseStatus.REQUEST_TIMEOUT);
    } else {
      channel.close();
    }
  }

  /** At the shutdown deadline: a request still waiting is answered 503; anything else is closed. */
  void abandon() {
    if (responding && headReceived && !responseStarted) {
      answerAndClose(SHUTTING_DOWN, HttpResponseStatus.SERVICE_UNAVAILABLE);
    } else {
      channel.close();
    }
  }

  int answeredBelowStatus() {
    return answeredBelowStatus;
  }

  /**
   * Writes an error envelope below Vert.x (which still thinks the request is running), then closes.
   */
  private void answerAndClose(ApiError error, HttpResponseStatus status) {
    responseStarted = true;
    if (dispatched != null && !dispatched.response().headWritten()) {
      // The metrics and the access log, which see the request end with its connection closed (as
      // when
      // a client leaves), then record what the client was told rather than 499 or an unset 200.
      dispatched.response().setStatusCode(status.code());
      answeredBelowStatus = status.code();
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(ErrorBody.encode(error)));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    messages.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private void releaseShutdown() {
    Object evt = heldShutdown;
    if (evt != null && messages != null) {
      heldShutdown = null;
      messages.fireUserEventTriggered(evt);
    }
  }

  private void requestBytes() {
    if (!reading && !responding) {
      reading = true;
      phaseStartNanos = System.nanoTime();
    }
  }

  /** Raw bytes, before the HTTP decoder: a request's first byte ends the idle phase. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      requestBytes();
      ctx.fireChannelRead(msg);
    }
  }

  /** Decoded requests and responses, between Vert.x's codec and its connection handler. */
  private final class Messages extends ChannelDuplexHandler {

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      messages = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        requestBytes();
        headReceived = true;
        responding = true;
      }
      if (msg instanceof LastHttpContent) {
        reading = false;
        if (!responding) {
          // Answered before its body was all in (413, 401): idle from here.
          phaseStartNanos = System.nanoTime();
        }
      }
      ctx.fireChannelRead(msg);
      if (msg instanceof HttpRequest) {
        // Vert.x has the request now, so the shutdown waits for its response.
        releaseShutdown();
      }
    }

    /**
     * When the server stops accepting, Vert.x closes every connection without a request in progress
     * and drops requests that arrive later: a client that connected or sent just then would get
     * EOF. So a connection without a dispatched request keeps the signal for a short grace: a
     * request that arrives in it is served (with Connection: close), then Vert.x closes the
     * connection.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ShutdownEvent && !responding && heldShutdown == null) {
        heldShutdown = evt;
        ctx.executor()
            .schedule(
                ClientConnection.this::releaseShutdown,
                owner.lastRequestGraceNanos(),
                TimeUnit.NANOSECONDS);
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      boolean closeAfter = false;
      if (msg instanceof HttpResponse response) {
        responseStarted = true;
        if (owner.draining()) {
          // Draining: every response tells its client to reconnect (to another instance).
          response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
      }
      if (msg instanceof LastHttpContent) {
        responding = false;
        headReceived = false;
        responseStarted = false;
        dispatched = null;
        closeAfter = owner.draining();
        if (!reading) {
          phaseStartNanos = System.nanoTime();
        }
      }
      if (closeAfter) {
        ChannelPromise written = promise.unvoid();
        ctx.write(msg, written);
        written.addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.write(msg, promise);
      }
    }
  }
}
