package dev.embedbench.backends.remote;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One event loop's keep-alive connections to one upstream: idle ones are reused newest first, and a
 * new one is opened when none is idle; one idle for the idle timeout is closed. Used only from its
 * loop, so it needs no locks. It needs no limit of its own either: a connection is opened only for
 * a call that holds one of the target's {@link InFlightLimit} permits, so a loop never has more
 * open than the target's {@code max_connections}.
 */
final class UpstreamPool {

  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final InetSocketAddress address;
  private final UpstreamRequests requests;
  private final ArrayDeque<UpstreamConnection> idle = new ArrayDeque<>();
  private final CallDeadlines deadlines;
  private final long idleTimeoutNanos;
  private boolean sweepScheduled;
  private boolean closed;

  UpstreamPool(
      EventLoop loop,
      Bootstrap template,
      InetSocketAddress address,
      SslContext tls,
      UpstreamRequests requests,
      Duration callTimeout,
      Duration idleTimeout) {
    this.loop = loop;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.deadlines = new CallDeadlines(loop, callTimeout);
    this.address = address;
    this.requests = requests;
    this.bootstrap =
        template
            .clone(loop)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    if (tls != null) {
                      channel
                          .pipeline()
                          .addLast(
                              tls.newHandler(
                                  channel.alloc(), address.getHostString(), address.getPort()));
                    }
                    channel
                        .pipeline()
                        .addLast(
                            new HttpResponseDecoder(), new UpstreamConnection(UpstreamPool.this));
                  }
                });
  }

  EventLoop loop() {
    return loop;
  }

  UpstreamRequests requests() {
    return requests;
  }

  /** The deadlines of the calls on this loop. */
  CallDeadlines deadlines() {
    return deadlines;
  }

  /**
   * Hands {@code ready} an idle connection at once, or a new one once connected (or the reason it
   * could not connect); always on the loop.
   */
  void acquire(BiConsumer<UpstreamConnection, Throwable> ready) {
    assert loop.inEventLoop() : "a pool is used from its own event loop only";
    if (closed) {
      ready.accept(null, new UpstreamClosedException("the target is closed"));
      return;
    }
    UpstreamConnection connection;
    while ((connection = idle.pollLast()) != null) {
      if (connection.usable()) {
        ready.accept(connection, null);
        return;
      }
    }
    bootstrap
        .connect(address)
        .addListener(
            (ChannelFuture connected) -> {
              if (!connected.isSuccess()) {
                ready.accept(null, connected.cause());
              } else if (closed) {
                connected.channel().close();
                ready.accept(null, new UpstreamClosedException("the target is closed"));
              } else {
                ready.accept(connected.channel().pipeline().get(UpstreamConnection.class), null);
              }
            });
  }

  /** A connection whose exchange ended cleanly, kept for the next call. */
  void release(UpstreamConnection connection) {
    if (closed) {
      connection.abort();
      return;
    }
    connection.idleSinceNanos = System.nanoTime();
    idle.addLast(connection);
    if (!sweepScheduled) {
      scheduleSweep(idleTimeoutNanos);
    }
  }

  private void scheduleSweep(long delayNanos) {
    sweepScheduled = true;
    loop.schedule(this::sweep, delayNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Closes the connections idle for the idle timeout or longer, so that a burst's connections do
   * not hold the upstream's sockets for ever; the oldest released are at the head.
   */
  private void sweep() {
    sweepScheduled = false;
    long now = System.nanoTime();
    UpstreamConnection oldest;
    while ((oldest = idle.peekFirst()) != null && now - oldest.idleSinceNanos >= idleTimeoutNanos) {
      oldest.abort();
    }
    if (oldest != null) {
      scheduleSweep(oldest.idleSinceNanos + idleTimeoutNanos - now);
    }
  }

  /** A connection that is closing: never handed out again. */
  void discard(UpstreamConnection connection) {
    idle.remove(connection);
  }

  /** Closes the idle connections and refuses new calls; busy ones close as their calls end. */
  void close() {
    if (!loop.inEventLoop()) {
      loop.execute(this::close);
      return;
    }
    closed = true;
    UpstreamConnection connection;
    while ((connection = idle.pollLast()) != null) {
      connection.abort();
    }
  }
}
