package dev.embedbench.backends.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduling decisions, observed without timing: each job records how many requests were still
 * waiting when it completed, which shows how the queue was cut into services.
 */
class BatchSchedulerTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static BatchScheduler scheduler(
      Vertx vertx,
      SchedulingMode mode,
      int slots,
      int batchMaxTokens,
      int queueLimit,
      EmulatorProfile.Failures failures) {
    EmulatorProfile.ServiceTime fixed =
        new EmulatorProfile.ServiceTime(
            Duration.ofMillis(20), Duration.ZERO, LatencyDistribution.FIXED, 0, 1);
    return new BatchScheduler(
        vertx,
        new EmulatorProfile.Scheduling(
            mode, slots, batchMaxTokens, queueLimit, Duration.ofSeconds(3)),
        new ServiceTimeModel(fixed),
        new FailureInjector(failures, 1, System.nanoTime()));
  }

  /** Runs {@code body} on one event-loop context, as the server does, and waits for its result. */
  private <T> T onContext(Function<Void, Future<T>> body) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v ->
                body.apply(null)
                    .onComplete(
                        ar -> {
                          if (ar.succeeded()) {
                            result.complete(ar.result());
                          } else {
                            result.completeExceptionally(ar.cause());
                          }
                        }));
    return result.get(20, TimeUnit.SECONDS);
  }

  private List<Integer> waitingAtCompletion(
      SchedulingMode mode, int slots, int budget, int... tokens) throws Exception {
    return onContext(
        v -> {
          BatchScheduler scheduler =
              scheduler(vertx, mode, slots, budget, 100, EmulatorProfile.Failures.NONE);
          List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
          List<Future<Void>> all = new ArrayList<>();
          for (int t : tokens) {
            all.add(scheduler.submit(t).onSuccess(x -> seen.add(scheduler.waiting())));
          }
          return Future.all(all).map(x -> seen);
        });
  }

  @Test
  void slotsServeOneRequestEach() throws Exception {
    assertEquals(
        List.of(4, 3, 2, 1, 0),
        waitingAtCompletion(SchedulingMode.SLOTS, 1, 0, 10, 10, 10, 10, 10));
    // Two slots, each with its own timer: each completion frees one slot, which takes the next.
    assertEquals(
        List.of(3, 2, 1, 0, 0),
        waitingAtCompletion(SchedulingMode.SLOTS, 2, 0, 10, 10, 10, 10, 10));
  }

  @Test
  void batchesTakeQueuedRequestsUpToTheTokenBudget() throws Exception {
    // The first runs alone (the server was idle); then 40+40 fit in 100, then 40+40, then the
    // 150-token request runs alone although it exceeds the budget.
    assertEquals(
        List.of(5, 3, 3, 1, 1, 0),
        waitingAtCompletion(SchedulingMode.BATCH, 1, 100, 40, 40, 40, 40, 40, 150));
  }

  @Test
  void aFullQueueAnswers429WithRetryAfter() throws Exception {
    List<Integer> statuses =
        onContext(
            v -> {
              BatchScheduler scheduler =
                  scheduler(vertx, SchedulingMode.SLOTS, 1, 0, 2, EmulatorProfile.Failures.NONE);
              List<Future<Integer>> outcomes = new ArrayList<>();
              for (int i = 0; i < 5; i++) {
                outcomes.add(
                    scheduler
                        .submit(1)
                        .map(x -> 200)
                        .recover(
                            e -> {
                              ApiException api = (ApiException) e;
                              assertEquals(Duration.ofSeconds(3), api.retryAfter().orElseThrow());
                              return Future.succeededFuture(api.error().httpStatus());
                            }));
              }
              return Future.all(outcomes).map(x -> outcomes.stream().map(Future::result).toList());
            });
    // One in service, two waiting, the rest refused at once.
    assertEquals(List.of(200, 200, 200, 429, 429), statuses);
  }

  @Test
  void errorRateFailsThatShareOfRequests() throws Exception {
    int n = 400;
    long failed =
        onContext(
            v -> {
              BatchScheduler scheduler =
                  scheduler(
                      vertx,
                      SchedulingMode.BATCH,
                      1,
                      1_000_000,
                      n,
                      new EmulatorProfile.Failures(0.25, 0, Duration.ZERO, Duration.ZERO));
              List<Future<Boolean>> outcomes = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                outcomes.add(
                    scheduler
                        .submit(1)
                        .map(x -> false)
                        .recover(
                            e -> {
                              assertEquals(500, ((ApiException) e).error().httpStatus());
                              return Future.succeededFuture(true);
                            }));
              }
              return Future.all(outcomes)
                  .map(x -> outcomes.stream().filter(Future::result).count());
            });
    // Binomial(400, 0.25): mean 100, sd 8.7; the seed makes it repeatable, the bound makes it
    // honest.
    assertTrue(failed > 60 && failed < 140, "failed " + failed);
  }

  @Test
  void stallsHoldTheServiceLonger() throws Exception {
    long elapsedNanos =
        onContext(
            v -> {
              BatchScheduler scheduler =
                  scheduler(
                      vertx,
                      SchedulingMode.SLOTS,
                      1,
                      0,
                      10,
                      new EmulatorProfile.Failures(0, 1.0, Duration.ofMillis(300), Duration.ZERO));
              long start = System.nanoTime();
              return scheduler.submit(1).map(x -> System.nanoTime() - start);
            });
    // Timers never fire early: at least the 20 ms service plus the 300 ms stall.
    assertTrue(elapsedNanos >= TimeUnit.MILLISECONDS.toNanos(320), "elapsed " + elapsedNanos);
  }
}
