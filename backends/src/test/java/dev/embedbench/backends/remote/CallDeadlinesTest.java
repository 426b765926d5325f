package dev.embedbench.backends.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallDeadlinesTest {

  private final EventLoop loop = new DefaultEventLoop();
  private final List<String> expired = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private final class Named extends CallDeadlines.Entry {
    private final String name;
    private final long startNanos = System.nanoTime();
    private final Runnable then;
    long expiredAfterNanos;

    Named(String name, Runnable then) {
      this.name = name;
      this.then = then;
    }

    @Override
    void expire() {
      expiredAfterNanos = System.nanoTime() - startNanos;
      expired.add(name);
      then.run();
    }
  }

  @Test
  void callsExpireInStartOrderNotBeforeTheirDeadlineAndRemovedOnesNever() throws Exception {
    CallDeadlines deadlines = new CallDeadlines(loop, Duration.ofMillis(100));
    CountDownLatch done = new CountDownLatch(1);
    Named[] calls = new Named[4];
    loop.execute(
        () -> {
          for (int i = 0; i < calls.length; i++) {
            calls[i] = new Named("call-" + i, i == calls.length - 1 ? done::countDown : () -> {});
            deadlines.add(calls[i]);
          }
          // Answered in time: the first and the third.
          deadlines.remove(calls[0]);
          deadlines.remove(calls[2]);
          deadlines.remove(calls[2]);
        });
    assertTrue(done.await(5, TimeUnit.SECONDS), "the last call never expired");
    assertEquals(List.of("call-1", "call-3"), expired);
    assertTrue(
        calls[1].expiredAfterNanos >= TimeUnit.MILLISECONDS.toNanos(100),
        "expired early: " + calls[1].expiredAfterNanos + " ns");
  }

  @Test
  void aCallStartedByAnExpiryGetsItsOwnFullDeadline() throws Exception {
    CallDeadlines deadlines = new CallDeadlines(loop, Duration.ofMillis(50));
    CountDownLatch retried = new CountDownLatch(1);
    Named[] retry = new Named[1];
    loop.execute(
        () ->
            deadlines.add(
                new Named(
                    "first",
                    () -> {
                      retry[0] = new Named("retry", retried::countDown);
                      deadlines.add(retry[0]);
                    })));
    assertTrue(retried.await(5, TimeUnit.SECONDS), "the call added during an expiry never expired");
    assertEquals(List.of("first", "retry"), expired);
    assertTrue(retry[0].expiredAfterNanos >= TimeUnit.MILLISECONDS.toNanos(50));
  }
}
