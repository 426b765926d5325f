package dev.embedbench.backends.qwen3.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching, backpressure and threading, with a fake model that reports what it was given. */
class DynamicBatcherTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  /**
   * Token ids are the text's characters; the vector is {length, first id}. Batches are recorded.
   */
  static final class FakeRunner implements InferenceRunner {
    final List<List<Integer>> batchLengths = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch gate;
    volatile boolean closed;

    FakeRunner(CountDownLatch gate) {
      this.gate = gate;
    }

    @Override
    public int[] tokens(EmbeddingInput input) {
      String text = ((EmbeddingInput.Text) input).text();
      if (text.equals("bad")) {
        throw ApiException.invalid("bad input", "input");
      }
      return text.chars().toArray();
    }

    @Override
    public float[][] embed(List<int[]> sequences) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<Integer> lengths = new ArrayList<>();
      float[][] out = new float[sequences.size()][];
      for (int i = 0; i < sequences.size(); i++) {
        lengths.add(sequences.get(i).length);
        out[i] = new float[] {sequences.get(i).length, sequences.get(i)[0]};
      }
      batchLengths.add(lengths);
      return out;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static List<EmbeddingInput> texts(String... texts) {
    List<EmbeddingInput> inputs = new ArrayList<>();
    for (String text : texts) {
      inputs.add(new EmbeddingInput.Text(text));
    }
    return inputs;
  }

  private static <T> T await(Future<T> future) throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    future.onComplete(done::complete, done::completeExceptionally);
    return done.get(10, TimeUnit.SECONDS);
  }

  private DynamicBatcher started(BatchSettings settings, FakeRunner runner) throws Exception {
    DynamicBatcher batcher = new DynamicBatcher("test-inference", settings, BatchListener.NONE);
    assertFalse(batcher.ready());
    await(batcher.start(() -> runner));
    assertTrue(batcher.ready());
    return batcher;
  }

  @Test
  void resultsCompleteOnTheCallersContextInInputOrder() throws Exception {
    FakeRunner runner = new FakeRunner(new CountDownLatch(0));
    try (DynamicBatcher batcher = started(BatchSettings.DEFAULTS, runner)) {
      Context context = vertx.getOrCreateContext();
      CompletableFuture<Object[]> seen = new CompletableFuture<>();
      context.runOnContext(
          v ->
              batcher
                  .submit(texts("ccc", "a", "bb"))
                  .onComplete(
                      result -> {
                        seen.complete(new Object[] {Vertx.currentContext(), result.result()});
                      }));
      Object[] outcome = seen.get(10, TimeUnit.SECONDS);
      assertSame(context, outcome[0]);
      EmbeddingResult result = (EmbeddingResult) outcome[1];
      assertEquals(3, result.vectors().get(0)[0]);
      assertEquals('c', result.vectors().get(0)[1]);
      assertEquals(1, result.vectors().get(1)[0]);
      assertEquals(2, result.vectors().get(2)[0]);
      assertEquals(6, result.promptTokens());
    }
    assertTrue(runner.closed, "the inference thread closes the runner when the batcher closes");
  }

  @Test
  void queuedRequestsAreBatchedSortedAndSplitByTokenBudget() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    FakeRunner runner = new FakeRunner(gate);
    BatchSettings settings = new BatchSettings(4, 12, 0, 100);
    try (DynamicBatcher batcher = started(settings, runner)) {
      Future<EmbeddingResult> blocker = batcher.submit(texts("x"));
      Thread.sleep(200);
      List<Future<EmbeddingResult>> futures = new ArrayList<>();
      for (String text : new String[] {"aaaaa", "b", "ccc", "dd", "eeeee", "f", "ggg"}) {
        futures.add(batcher.submit(texts(text)));
      }
      gate.countDown();
      await(blocker);
      for (Future<EmbeddingResult> future : futures) {
        await(future);
      }
      // After the lone blocker: sorted 1,1,2,3 | 3,5 (3 x 5 > 12 tokens) | 5.
      assertEquals(
          List.of(List.of(1), List.of(1, 1, 2, 3), List.of(3, 5), List.of(5)), runner.batchLengths);
      assertEquals(4, batcher.batchesRun());
      assertEquals(8, batcher.inputsRun());
    }
  }

  @Test
  void fullQueueFailsFastWith429AndRetryAfter() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    FakeRunner runner = new FakeRunner(gate);
    try (DynamicBatcher batcher = started(new BatchSettings(1, 100, 0, 3), runner)) {
      Future<EmbeddingResult> running = batcher.submit(texts("a"));
      Thread.sleep(200);
      Future<EmbeddingResult> queued = batcher.submit(texts("b", "c"));
      Future<EmbeddingResult> refused = batcher.submit(texts("d", "e"));
      assertTrue(refused.failed());
      ApiException error = assertInstanceOf(ApiException.class, refused.cause());
      assertEquals(429, error.error().httpStatus());
      assertEquals(Duration.ofSeconds(1), error.retryAfter().orElseThrow());
      assertEquals(2, batcher.queuedInputs());
      gate.countDown();
      await(running);
      await(queued);
      assertEquals(0, batcher.queuedInputs());
    }
  }

  @Test
  void badInputFailsOnlyItsRequest() throws Exception {
    FakeRunner runner = new FakeRunner(new CountDownLatch(0));
    try (DynamicBatcher batcher = started(BatchSettings.DEFAULTS, runner)) {
      Future<EmbeddingResult> bad = batcher.submit(texts("ok", "bad"));
      Future<EmbeddingResult> good = batcher.submit(texts("fine"));
      assertEquals(4, await(good).vectors().get(0)[0]);
      Exception e = assertThrows(Exception.class, () -> await(bad));
      assertEquals(400, ((ApiException) e.getCause()).error().httpStatus());
    }
  }

  @Test
  void notReadyBeforeStartAndFailedLoadIsReported() throws Exception {
    DynamicBatcher batcher =
        new DynamicBatcher("test-inference", BatchSettings.DEFAULTS, BatchListener.NONE);
    Future<EmbeddingResult> early = batcher.submit(texts("a"));
    assertEquals(503, ((ApiException) early.cause()).error().httpStatus());
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                await(
                    batcher.start(
                        () -> {
                          throw new IllegalStateException("no weights");
                        })));
    assertEquals("no weights", e.getCause().getMessage());
    assertFalse(batcher.ready());
    batcher.close();
  }
}
