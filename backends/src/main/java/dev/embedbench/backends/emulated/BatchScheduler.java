package dev.embedbench.backends.emulated;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulated accelerator's queue. Requests wait in FIFO order for one of {@code slots} service
 * units; in slots mode a unit serves one request, in batch mode it takes queued requests in order
 * while they fit the token budget (always at least one), as SGLang and TEI form batches. A unit is
 * busy for a drawn service time, measured by a timer, then completes everything it held.
 *
 * <p>Runs on the server's event-loop context only: no locks.
 */
final class BatchScheduler {

  private record Job(int tokens, Promise<Void> done) {}

  private final Vertx vertx;
  private final EmulatorProfile.Scheduling settings;
  private final ServiceTimeModel serviceTimes;
  private final FailureInjector failures;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private int busyUnits;

  BatchScheduler(
      Vertx vertx,
      EmulatorProfile.Scheduling settings,
      ServiceTimeModel serviceTimes,
      FailureInjector failures) {
    this.vertx = vertx;
    this.settings = settings;
    this.serviceTimes = serviceTimes;
    this.failures = failures;
  }

  /**
   * Queues a request of {@code tokens} tokens.
   *
   * @return completes when served; fails with 429 (queue full, with Retry-After) or with an
   *     injected 500
   */
  Future<Void> submit(int tokens) {
    if (busyUnits == settings.slots() && queue.size() >= settings.queueLimit()) {
      return Future.failedFuture(
          new ApiException(
              ApiError.overloaded(
                  "The emulated server's queue is full ("
                      + settings.queueLimit()
                      + " waiting); retry later."),
              settings.retryAfter()));
    }
    Promise<Void> done = Promise.promise();
    queue.add(new Job(tokens, done));
    dispatch();
    return done.future();
  }

  int waiting() {
    return queue.size();
  }

  int busyUnits() {
    return busyUnits;
  }

  private void dispatch() {
    while (busyUnits < settings.slots() && !queue.isEmpty()) {
      List<Job> batch = takeBatch();
      int tokens = batch.stream().mapToInt(Job::tokens).sum();
      long serviceNanos = serviceTimes.sampleNanos(tokens) + failures.nextStallNanos();
      busyUnits++;
      vertx.timer(Math.max(1, serviceNanos), TimeUnit.NANOSECONDS).onComplete(t -> finish(batch));
    }
  }

  private List<Job> takeBatch() {
    List<Job> batch = new ArrayList<>();
    batch.add(queue.poll());
    if (settings.mode() == SchedulingMode.BATCH) {
      int tokens = batch.get(0).tokens();
      while (!queue.isEmpty() && tokens + queue.peek().tokens() <= settings.batchMaxTokens()) {
        Job next = queue.poll();
        tokens += next.tokens();
        batch.add(next);
      }
    }
    return batch;
  }

  private void finish(List<Job> batch) {
    busyUnits--;
    for (Job job : batch) {
      if (failures.nextRequestFails()) {
        job.done()
            .fail(
                new ApiException(
                    new ApiError(
                        500,
                        "Injected failure: the emulated server failed this request (failures.error_rate).",
                        "server_error",
                        null,
                        "emulated_failure")));
      } else {
        job.done().complete();
      }
    }
    dispatch();
  }
}
