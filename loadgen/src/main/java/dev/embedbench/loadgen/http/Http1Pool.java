package dev.embedbench.loadgen.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The keep-alive connections of one event loop to one server: at most {@code maxConnections},
 * opened on demand, reused most-recently-freed first. A request that finds them all busy waits
 * here, in order, until one frees. A timer on the loop fails requests with no complete response
 * within the timeout (waiting time included) and closes their connections. Every method runs on the
 * loop; {@link #close} hops to it.
 */
public final class Http1Pool implements AutoCloseable {

  /**
   * Timeouts are checked this many times per timeout period, so a timeout fires at most 1/4 late.
   */
  private static final int CHECKS_PER_TIMEOUT = 4;

  private static final long MAX_CHECK_PERIOD_MILLIS = 100;

  /** Large enough that an embeddings response arrives in few pieces. */
  private static final int MAX_CHUNK_BYTES = 64 * 1024;

  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final EncodedRequests requests;
  private final int maxConnections;
  private final long timeoutNanos;
  private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();
  private final List<Http1Connection> open = new ArrayList<>();
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private final ScheduledFuture<?> timeoutCheck;
  private int connecting;
  private boolean closed;

  private record Waiting(long index, ResponseListener listener, long deadlineNanos) {}

  /**
   * @param channels makes the loop's kind of socket channel ({@link Http1Loops#channels})
   * @param timeout the most a request may take, from when it is handed to the pool to its
   *     response's end
   */
  public Http1Pool(
      EventLoop loop,
      ChannelFactory<? extends Channel> channels,
      EncodedRequests requests,
      int maxConnections,
      Duration timeout) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.loop = loop;
    this.requests = requests;
    this.maxConnections = maxConnections;
    this.timeoutNanos = timeout.toNanos();
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channelFactory(channels)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
            .remoteAddress(requests.host(), requests.port());
    long periodMillis =
        Math.max(1, Math.min(MAX_CHECK_PERIOD_MILLIS, timeout.toMillis() / CHECKS_PER_TIMEOUT));
    this.timeoutCheck =
        loop.scheduleAtFixedRate(
            this::expireLate, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends request {@code index} of the run as soon as a connection is free. Call on the pool's
   * loop.
   */
  public void send(long index, ResponseListener listener) {
    long deadlineNanos = System.nanoTime() + timeoutNanos;
    if (closed) {
      listener.failed(new IllegalStateException("the connection pool is closed"));
      return;
    }
    Http1Connection connection = idle.pollFirst();
    if (connection != null) {
      connection.send(requests.request(index), listener, deadlineNanos);
      return;
    }
    waiting.addLast(new Waiting(index, listener, deadlineNanos));
    connectForWaiting();
  }

  /** Opens a connection when waiting requests outnumber those being opened, within the limit. */
  private void connectForWaiting() {
    if (!closed && open.size() + connecting < maxConnections && connecting < waiting.size()) {
      connect();
    }
  }

  private void connect() {
    connecting++;
    Http1Connection connection = new Http1Connection(this);
    ChannelFuture connected =
        bootstrap
            .clone()
            .handler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(
                            new HttpResponseDecoder(
                                new HttpDecoderConfig()
                                    .setMaxChunkSize(MAX_CHUNK_BYTES)
                                    .setValidateHeaders(false)),
                            connection);
                  }
                })
            .connect();
    connected.addListener(
        done -> {
          connecting--;
          if (!done.isSuccess()) {
            // A connection that cannot be opened fails the oldest waiting request, with the reason;
            // the
            // others keep their own attempts.
            Waiting first = waiting.pollFirst();
            if (first != null) {
              first.listener().failed(done.cause());
            }
            connectForWaiting();
            return;
          }
          if (closed) {
            connected.channel().close();
            return;
          }
          open.add(connection);
          release(connection);
        });
  }

  /** A connection is free: the oldest waiting request takes it, else it waits for the next. */
  void release(Http1Connection connection) {
    Waiting next = waiting.pollFirst();
    if (next != null) {
      connection.send(requests.request(next.index()), next.listener(), next.deadlineNanos());
    } else {
      idle.addFirst(connection);
    }
  }

  /** A connection is gone; a waiting request gets a new one if it is now short of one. */
  void closed(Http1Connection connection) {
    open.remove(connection);
    idle.remove(connection);
    connectForWaiting();
  }

  private void expireLate() {
    long nowNanos = System.nanoTime();
    for (Http1Connection connection : List.copyOf(open)) {
      connection.expireIfLate(nowNanos, timeoutNanos);
    }
    while (!waiting.isEmpty() && nowNanos - waiting.peekFirst().deadlineNanos() >= 0) {
      waiting
          .pollFirst()
          .listener()
          .failed(
              new TimeoutException(
                  "no connection free within " + timeoutNanos / 1_000_000 + " ms"));
    }
  }

  /** Closes every connection; requests still waiting or in flight fail. Any thread. */
  @Override
  public void close() {
    if (!loop.inEventLoop()) {
      loop.execute(this::close);
      return;
    }
    if (closed) {
      return;
    }
    closed = true;
    timeoutCheck.cancel(false);
    for (Http1Connection connection : List.copyOf(open)) {
      connection.fail(new IllegalStateException("the connection pool was closed"));
    }
    while (!waiting.isEmpty()) {
      waiting
          .pollFirst()
          .listener()
          .failed(new IllegalStateException("the connection pool was closed"));
    }
  }
}
