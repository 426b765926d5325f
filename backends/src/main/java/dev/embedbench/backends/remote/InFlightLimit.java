package dev.embedbench.backends.remote;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target's {@code max_connections} as the most requests in flight to it at once, over every event
 * loop's pool: a request takes a permit before it is sent and gives it back when its exchange ends.
 * Over the limit, requests wait here in arrival order and each is resumed on its own context. Each
 * loop's pool may then use the whole limit, so a busy loop never waits while the others' share lies
 * idle. Thread-safe and lock-free: every change of state (a request queued, a permit returned) is
 * followed by a drain, so a waiting request is never left behind while a permit is free.
 */
final class InFlightLimit {

  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();

  private record Waiting(Context context, Runnable send) {}

  InFlightLimit(int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
  }

  /**
   * Runs {@code send} holding a permit: at once on this thread when one is free and nobody waits,
   * otherwise later on {@code context} (or the releasing thread when null). {@code send} must lead
   * to exactly one {@link #release()}.
   */
  void submit(Context context, Runnable send) {
    if (waiting.isEmpty()) {
      int now = inFlight.get();
      if (now < maxInFlight && inFlight.compareAndSet(now, now + 1)) {
        send.run();
        return;
      }
    }
    waiting.add(new Waiting(context, send));
    drain();
  }

  void release() {
    inFlight.decrementAndGet();
    drain();
  }

  int inFlight() {
    return inFlight.get();
  }

  private void drain() {
    while (!waiting.isEmpty()) {
      int now = inFlight.get();
      if (now >= maxInFlight) {
        return;
      }
      if (!inFlight.compareAndSet(now, now + 1)) {
        continue;
      }
      Waiting next = waiting.poll();
      if (next == null) {
        // Another drain took it: give the permit back and look again.
        inFlight.decrementAndGet();
        continue;
      }
      resume(next);
    }
  }

  private static void resume(Waiting next) {
    if (next.context() == null || Vertx.currentContext() == next.context()) {
      next.send().run();
    } else {
      next.context().runOnContext(v -> next.send().run());
    }
  }
}
