package dev.embedbench.loadgen.driver;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event loop a driver dispatches on: its tasks run one at a time, in order, on one thread, the
 * thread that its sender's connections are read on. A Vert.x event-loop context for Vert.x's HTTP
 * client, a Netty event loop for the lean client's pools.
 */
public interface DispatchLoop {

  /** Runs {@code task} on the loop, after the tasks already queued. Any thread. */
  void execute(Runnable task);

  /** Runs {@code task} on the loop once {@code delayMillis} have passed. On the loop. */
  void schedule(Runnable task, long delayMillis);

  static DispatchLoop of(EventLoop loop) {
    return new DispatchLoop() {
      @Override
      public void execute(Runnable task) {
        loop.execute(task);
      }

      @Override
      public void schedule(Runnable task, long delayMillis) {
        loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      }
    };
  }

  static DispatchLoop of(Context context) {
    return new DispatchLoop() {
      @Override
      public void execute(Runnable task) {
        context.runOnContext(v -> task.run());
      }

      @Override
      public void schedule(Runnable task, long delayMillis) {
        // Called on the context's thread, so the timer belongs to this context.
        context.owner().setTimer(delayMillis, id -> task.run());
      }
    };
  }

  /**
   * {@code count} event-loop contexts of {@code vertx}, one per instance of a deployment that does
   * nothing else: Vert.x gives each instance the next of its event loops, so with {@code count}
   * loops in its pool each context has a thread of its own.
   */
  static List<DispatchLoop> onVertx(Vertx vertx, int count) {
    List<Context> contexts = new CopyOnWriteArrayList<>();
    try {
      vertx
          .deployVerticle(
              () ->
                  context -> {
                    contexts.add(context);
                    return Future.succeededFuture();
                  },
              new DeploymentOptions().setInstances(count))
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not start " + count + " event-loop contexts", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting event-loop contexts", e);
    }
    return contexts.stream().map(DispatchLoop::of).toList();
  }
}
