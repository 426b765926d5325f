package dev.embedbench.backends.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

  @Test
  void runsAtOnceUnderTheLimitThenQueuesInArrivalOrder() {
    InFlightLimit limit = new InFlightLimit(2);
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int id = i;
      limit.submit(null, () -> started.add(id));
    }
    assertEquals(List.of(0, 1), started, "two run at once, three wait");
    limit.release();
    assertEquals(List.of(0, 1, 2), started);
    limit.release();
    limit.release();
    assertEquals(List.of(0, 1, 2, 3, 4), started, "the waiting run in the order they came");
    assertEquals(2, limit.inFlight());
  }

  @Test
  void manyThreadsNeverExceedTheLimitAndNoneIsLeftWaiting() throws Exception {
    InFlightLimit limit = new InFlightLimit(3);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    int requests = 20_000;
    CountDownLatch finished = new CountDownLatch(requests);
    ExecutorService senders = Executors.newFixedThreadPool(4);
    ExecutorService completions = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < requests; i++) {
        senders.execute(
            () ->
                limit.submit(
                    null,
                    () -> {
                      most.accumulateAndGet(running.incrementAndGet(), Math::max);
                      // The exchange ends on another thread, as a response does.
                      completions.execute(
                          () -> {
                            running.decrementAndGet();
                            limit.release();
                            finished.countDown();
                          });
                    }));
      }
      assertTrue(
          finished.await(30, TimeUnit.SECONDS), "every request ran; left: " + finished.getCount());
    } finally {
      senders.shutdownNow();
      completions.shutdownNow();
    }
    assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
    assertEquals(0, limit.inFlight());
  }
}
