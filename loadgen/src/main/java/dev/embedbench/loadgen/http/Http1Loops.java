package dev.embedbench.loadgen.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lean client's own event loops: Netty NIO loops (the transport Vert.x uses by default), one
 * per driver, each to hold one {@link Http1Pool} and the driver that feeds it, so that a request is
 * dispatched, written, read and recorded on one thread. Daemon threads, so a loop left open never
 * holds the JVM.
 */
public final class Http1Loops implements AutoCloseable {

  private final EventLoopGroup group;
  private final List<EventLoop> loops = new ArrayList<>();

  public Http1Loops(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("loops must be >= 1, got " + count);
    }
    group =
        new MultiThreadIoEventLoopGroup(
            count, new DefaultThreadFactory("embedbench-loop", true), NioIoHandler.newFactory());
    for (EventExecutor executor : group) {
      loops.add((EventLoop) executor);
    }
  }

  /** Loop {@code index} of {@code count}: a thread of its own. */
  public EventLoop loop(int index) {
    return loops.get(index);
  }

  /** Makes the socket channels these loops register. */
  public ChannelFactory<? extends Channel> channels() {
    return NioSocketChannel::new;
  }

  /** Stops the loops at once (pools are closed first) and waits for their threads, up to 5 s. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
